package dev.sluice.runtime.mskconnect.connector;

import dev.sluice.runtime.mskconnect.Arns;
import dev.sluice.runtime.mskconnect.ResourceUsers;
import dev.sluice.runtime.state.ResourceState;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The custom plugins and worker configuration each stored connector was created with. */
public final class ConnectorReferences implements ResourceUsers {

    private final ResourceState state;
    private final Arns arns;

    public ConnectorReferences(ResourceState state, Arns arns) {
        this.state = state;
        this.arns = arns;
    }

    @Override
    public List<String> connectorsUsing(String arn) {
        return state.list(arns.prefixOf(Arns.CONNECTOR), MskConnector.class).stream()
                .filter(connector -> references(connector).anyMatch(arn::equals))
                .map(MskConnector::name)
                .sorted()
                .toList();
    }

    private static Stream<String> references(MskConnector connector) {
        var request = connector.request();
        Stream<String> plugins = request.plugins() == null ? Stream.empty() : request.plugins().stream()
                .map(p -> p == null || p.customPlugin() == null ? null : p.customPlugin().customPluginArn());
        Stream<String> workerConfiguration = Stream.of(request.workerConfiguration() == null
                ? null : request.workerConfiguration().workerConfigurationArn());
        return Stream.concat(plugins, workerConfiguration).filter(Objects::nonNull);
    }
}
