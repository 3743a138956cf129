package io.pagelens.memory;

import io.pagelens.browser.BrowserControl;

import java.util.ArrayList;
import java.util.List;

/** Records what the governor asked of the browser. */
class FakeBrowser implements BrowserControl {
    final List<String> calls = new ArrayList<>();
    volatile List<Long> pids = List.of();
    volatile int inFlight;

    @Override
    public List<Long> processIds() {
        return pids;
    }

    @Override
    public int inFlight() {
        return inFlight;
    }

    @Override
    public synchronized void signalMemoryPressure() {
        calls.add("signal");
    }

    @Override
    public synchronized int closeIdleContexts() {
        calls.add("closeIdle");
        return 1;
    }

    @Override
    public synchronized void recycleWhenIdle() {
        calls.add("recycle");
    }

    @Override
    public synchronized boolean abortYoungest(String reason) {
        calls.add("abort");
        return true;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
