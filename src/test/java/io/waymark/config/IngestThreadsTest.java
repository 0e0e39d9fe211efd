package io.waymark.config;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestThreadsTest {

    @Test
    void anIngestThreadRunsAtTheLowPriority() throws InterruptedException {
        AtomicInteger seen = new AtomicInteger();
        Thread thread = IngestThreads.thread(() -> seen.set(Thread.currentThread().getPriority()), "test-ingest");
        thread.start();
        thread.join();
        assertThat(seen).hasValue(Thread.MIN_PRIORITY);
    }

    @Test
    void threadsStartedByAStartInheritTheLowPriorityAndTheCallerKeepsItsOwn() throws Exception {
        int callers = Thread.currentThread().getPriority();
        AtomicInteger libraryThread = new AtomicInteger();
        String answer = IngestThreads.starting("test-start", () -> {
            // a library starting a thread of its own, as Paho does in connect
            Thread started = new Thread(() -> libraryThread.set(Thread.currentThread().getPriority()));
            started.start();
            started.join();
            return "connected";
        });
        assertThat(answer).isEqualTo("connected");
        assertThat(libraryThread).hasValue(Thread.MIN_PRIORITY);
        assertThat(Thread.currentThread().getPriority()).isEqualTo(callers).isNotEqualTo(Thread.MIN_PRIORITY);
    }

    @Test
    void aFailedStartThrowsItsOwnException() {
        assertThatThrownBy(() -> IngestThreads.starting("test-start", () -> {
            throw new IOException("refused");
        })).isInstanceOf(IOException.class).hasMessage("refused");
        assertThatThrownBy(() -> IngestThreads.starting("test-start", () -> {
            throw new IllegalStateException("broken");
        })).isInstanceOf(IllegalStateException.class).hasMessage("broken");
    }

    @Test
    void loweringTheCurrentThreadLowersItOnce() throws InterruptedException {
        AtomicInteger seen = new AtomicInteger();
        Thread thread = new Thread(() -> {
            IngestThreads.lowerCurrent();
            IngestThreads.lowerCurrent();
            seen.set(Thread.currentThread().getPriority());
        });
        thread.start();
        thread.join();
        assertThat(seen).hasValue(Thread.MIN_PRIORITY);
    }
}
