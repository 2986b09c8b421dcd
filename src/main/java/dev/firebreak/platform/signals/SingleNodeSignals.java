package dev.firebreak.platform.signals;

import java.util.function.Consumer;

/** Embedded H2 serves one node: there is nobody to tell, and every change is already local. */
final class SingleNodeSignals implements ClusterSignals {
    @Override
    public void broadcast(String topic, String data) {}

    @Override
    public void subscribe(String topic, Consumer<String> receiver) {}
}
