package io.waymark.broker;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a taken broker port into one clear line instead of a stack trace. */
class BrokerPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<BrokerPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BrokerPortInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Start Waymark with --" + cause.property() + "=<free port>, e.g. --" + cause.property()
                        + "=11883, or stop the process that holds port " + cause.port() + ".",
                cause);
    }
}
