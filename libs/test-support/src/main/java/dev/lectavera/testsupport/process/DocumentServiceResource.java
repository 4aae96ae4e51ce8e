package dev.lectavera.testsupport.process;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Wires the service under test to {@link DocumentServiceForTests}: its REST client {@code documents}, the public
 * key both services verify test tokens with, and the private key tests sign with
 * ({@code smallrye.jwt.sign.key.location}). The process outlives a single application start and stops with the
 * test JVM.
 */
public class DocumentServiceResource implements QuarkusTestResourceLifecycleManager {

    /** A test profile implementing this gets a document-service URL where nothing listens. */
    public interface DocumentServiceDown {
    }

    private boolean documentServiceDown;

    @Override
    public void setContext(Context context) {
        try {
            documentServiceDown = context.testProfile() != null && DocumentServiceDown.class.isAssignableFrom(
                    Class.forName(context.testProfile(), false, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException e) {
            documentServiceDown = false;
        }
    }

    @Override
    public Map<String, String> start() {
        DocumentServiceForTests documents = DocumentServiceForTests.get();
        String url = documentServiceDown ? "http://127.0.0.1:" + FreePorts.take() : documents.baseUrl();
        return Map.of(
                "quarkus.rest-client.documents.url", url,
                "mp.jwt.verify.publickey.location", documents.keys().publicKeyLocation(),
                "smallrye.jwt.sign.key.location", documents.keys().privateKeyLocation());
    }

    @Override
    public void stop() {
        // the process is shared by every application start of this JVM; a shutdown hook stops it
    }
}
