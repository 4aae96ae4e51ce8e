package dev.lectavera.study.support;

import io.restassured.RestAssured;

/** What the @QuarkusTests of this module share: the API of the application under test. */
public final class StudyTest {

    private StudyTest() {
    }

    /** study-service under test (its random port is known once the application started). */
    public static StudyApi api() {
        return new StudyApi("http://localhost:" + RestAssured.port);
    }
}
