package io.activeedge.local;

import io.activeedge.local.localcloud.LocalCloud;
import io.activeedge.local.target.LocalSession;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The local cloud of one integration test class, on the repository's template.yaml: started before the class's
 * tests, stopped after them. Register it as a static {@code @RegisterExtension} field.
 */
final class TestCloud implements BeforeAllCallback, AfterAllCallback {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Path logs;
    private LocalCloud cloud;
    private LocalSession session;

    /** @param name the folder under target/ for moto's log */
    TestCloud(String name) {
        this.logs = Path.of("target", name).toAbsolutePath();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cloud = LocalCloud.start(ROOT, 0, logs, System.out);
        session = LocalSession.on(cloud);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    LocalCloud cloud() {
        return cloud;
    }

    /** A session on the cloud, as the CLI has one; its clients read the emulator. */
    LocalSession session() {
        return session;
    }

    Route53Client route53() {
        return session.route53();
    }

    /** Where moto's log and the test's own files go. */
    Path logs() {
        return logs;
    }
}
