package io.waymark.broker;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.hivemq.extension.sdk.api.services.session.ClientService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose held PUBACK's commit does not come within the commit timeout (the
 * database is down), so that the client keeps the message and sends it again later.
 * <p>
 * HiveMQ sends a PUBACK as it was when an outbound interceptor's async times out, which would
 * acknowledge a message not stored. So HiveMQ's own timeout ({@link #holdLimit()}) is set longer,
 * and this deadline comes first: it disconnects the client and only then lets the PUBACK go, to a
 * closed channel. The disconnect is by client id (the SDK knows no other): if the phone has
 * reconnected meanwhile, its new connection goes too; it waits behind the same stalled writer.
 */
final class PubackDeadlines {

    private static final Logger log = LoggerFactory.getLogger(PubackDeadlines.class);

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final ClientService clients;

    private final Duration commitTimeout;

    private final ScheduledThreadPoolExecutor timer;

    PubackDeadlines(ClientService clients, Duration commitTimeout) {
        this.clients = clients;
        this.commitTimeout = commitTimeout;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "waymark-puback-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        // a deadline is set for nearly every PUBACK and cancelled by its commit: keep the queue short
        timer.setRemoveOnCancelPolicy(true);
    }

    /** HiveMQ's own timeout of a held PUBACK: a backstop well after {@link #watch}'s deadline. */
    Duration holdLimit() {
        return commitTimeout.plusMinutes(5);
    }

    void watch(ConnectionHandOff connection, PendingAck ack) {
        try {
            ack.watchedBy(timer.schedule(() -> expired(connection, ack), commitTimeout.toMillis(), TimeUnit.MILLISECONDS));
        }
        catch (RejectedExecutionException stopping) {
            // the broker is stopping: the commit still releases the PUBACK, else HiveMQ drops the connection
        }
    }

    private void expired(ConnectionHandOff connection, PendingAck ack) {
        Runnable release = ack.expire();
        if (release != null) {
            log.warn("Embedded broker: a message of {} was not stored within {} (database down?); disconnecting it "
                    + "without acknowledging, the client will send it again", connection.clientId(), commitTimeout);
            releaseWhenClosed(connection, release);
        }
    }

    private void releaseWhenClosed(ConnectionHandOff connection, Runnable release) {
        connection.close(() -> clients.disconnectClient(connection.clientId())).whenComplete((done, failure) -> {
            if (failure == null) {
                release.run(); // what waited behind it goes on, to a closed channel; a gate never sends this PUBACK
            }
            else {
                log.error("Embedded broker: could not disconnect {} ({}); its PUBACK stays held, trying again in {}",
                        connection.clientId(), failure.toString(), RETRY);
                timer.schedule(() -> releaseWhenClosed(connection, release), RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    void stop() {
        timer.shutdownNow();
    }
}
