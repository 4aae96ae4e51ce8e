package dev.lectavera.study.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Wires study-service under test to the real document-service process: its REST client URL and the public key
 * both services verify test tokens with. The process outlives a single application start (test profiles restart
 * study-service only) and stops with the test JVM.
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
        DocumentServiceProcess documents = DocumentServiceProcess.get();
        String url = documentServiceDown ? "http://127.0.0.1:" + DocumentServiceProcess.freePort() : documents.baseUrl();
        return Map.of(
                "quarkus.rest-client.documents.url", url,
                "mp.jwt.verify.publickey.location", documents.keys().publicKeyLocation());
    }

    @Override
    public void stop() {
        // the process is shared by every application start of this JVM; a shutdown hook stops it
    }
}
