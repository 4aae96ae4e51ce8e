package dev.lectavera.document.support;

import dev.lectavera.testsupport.jwt.JwtKeysResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Test resources every @QuarkusTest of this module shares (one application start for all of them). */
@QuarkusTestResource(JwtKeysResource.class)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
