package dev.lectavera.gateway.edge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class EdgePathTest {

    @Test
    void separatorsAServiceWouldReadDifferentlyAreRefusedInAnyCase() {
        for (String path : new String[]{"/api/v1/auth/login;x", "/api/v1/auth/login%3Bx", "/api/v1/auth/login%3bx",
                "/api/v1/auth%2Flogin", "/api/v1/auth%2flogin", "/api/v1/auth%5Clogin", "/api/v1/auth%5clogin",
                "/api/v1/auth\\login", "/api/v1/auth/login%00", "/api/v1/auth/login\0", "/api/v1/auth/%zz",
                "/api/v1/auth/%4", "api/v1/auth/login", "", null}) {
            assertNotNull(EdgePath.problemIn(path), String.valueOf(path));
        }
    }

    @Test
    void ordinaryPathsAndHarmlessEncodingsPass() {
        for (String path : new String[]{"/api/v1/documents", "/api/v1/documents/%C3%A9t%C3%A9", "/api/v1/auth/%6cogin",
                "/api/v1/documents/a%20b", "/api/v1/documents/%25", "/"}) {
            assertNull(EdgePath.problemIn(path), path);
        }
    }

    @Test
    void unreservedCharactersAreDecodedAndOthersKeptWithUpperCaseHex() {
        assertEquals("/api/v1/auth/login", EdgePath.normalise("/api/v1/auth/%6c%6F%67in"));
        assertEquals("/api/v1/documents/a-b_c.d~e", EdgePath.normalise("/api/v1/documents/a%2Db%5Fc%2Ed%7Ee"));
        assertEquals("/api/v1/documents/%C3%A9%20x", EdgePath.normalise("/api/v1/documents/%c3%a9%20x"));
        assertEquals("/api/v1/documents/%25", EdgePath.normalise("/api/v1/documents/%25"));
    }

    @Test
    void dotSegmentsRepeatedAndTrailingSlashesResolveAsTheServicesMatch() {
        assertEquals("/api/v1/documents", EdgePath.normalise("/api/v1/auth/login/../../documents"));
        assertEquals("/api/v1/documents", EdgePath.normalise("/api/v1/auth/%2e%2e/documents"));
        assertEquals("/api/v1/auth/login", EdgePath.normalise("//api///v1/auth/./login//"));
        assertEquals("/q/metrics", EdgePath.normalise("/api/v1/documents/../../../../q/metrics"));
        assertEquals("/", EdgePath.normalise("/.."));
        assertEquals("/", EdgePath.normalise("/"));
        assertEquals("/api/v1/documents/.hidden/...", EdgePath.normalise("/api/v1/documents/.hidden/..."));
    }

    @Test
    void aNormalPathIsReturnedAsItIs() {
        String path = "/api/v1/documents/d-1/chunks";
        assertSame(path, EdgePath.normalise(path));
    }
}
