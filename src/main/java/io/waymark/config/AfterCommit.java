package io.waymark.config;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes application events once the current transaction has committed (at once when there
 * is none): a listener must never see what a rollback takes back.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void publish(ApplicationEventPublisher events, List<?> published) {
        if (published.isEmpty()) {
            return;
        }
        run(() -> published.forEach(events::publishEvent));
    }

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** Runs {@code action} if the current transaction rolls back (or ends unknown). */
    public static void onRollback(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
