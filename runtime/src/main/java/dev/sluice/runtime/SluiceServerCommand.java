package dev.sluice.runtime;

import dev.sluice.runtime.config.SluiceConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/** Dropwizard's {@code server} command, printing a {@link StartupException} as the one line it is. */
public class SluiceServerCommand extends ServerCommand<SluiceConfiguration> {

    public SluiceServerCommand(Application<SluiceConfiguration> application) {
        super(application);
    }

    protected SluiceServerCommand(Application<SluiceConfiguration> application, String name, String description) {
        super(application, name, description);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        StartupException startup = StartupErrors.find(e);
        if (startup != null) {
            cli.getStdErr().println("sluice: " + startup.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
