package dev.lectavera.quiz.support;

import dev.lectavera.testsupport.process.DocumentServiceResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Test resources every @QuarkusTest of this module shares: the real document-service and the JWT keys. */
@QuarkusTestResource(DocumentServiceResource.class)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
