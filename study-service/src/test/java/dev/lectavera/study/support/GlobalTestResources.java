package dev.lectavera.study.support;

import dev.lectavera.testsupport.process.DocumentServiceResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Test resources of every @QuarkusTest of this module. */
@QuarkusTestResource(DocumentServiceResource.class)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
