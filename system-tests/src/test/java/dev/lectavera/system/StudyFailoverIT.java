package dev.lectavera.system;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInRelativeOrder;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two study-service instances behind the gateway; the one holding a student's chat is killed (SIGKILL)
 * right after a question was acknowledged. The client reconnects through the gateway, lands on the
 * survivor, and finds every acknowledged message in the history; the chat goes on.
 */
@ExtendWith(LectaVeraSystem.class)
class StudyFailoverIT {

    @Test
    void killingTheInstanceOfAChatLosesNoAcknowledgedMessage(LectaVeraSystem.Running system) {
        Student student = Student.register(system);
        String session = student.createSession(student.uploadIndexedDocument());

        // Viewers straight on each instance tell the instances apart: study-service's presence set in Redis holds
        // "instance/connection" for every open socket of the session.
        try (LiveSocket onFirst = LiveSocket.open(student.webSocketOn(system, "study", session));
             LiveSocket onSecond = LiveSocket.open(student.webSocketOn(system, "study-2", session))) {
            LiveSocket chat = LiveSocket.open(student.webSocket(session));
            String victim = instanceOf(system, session, chat).equals(instanceOf(system, session, onFirst)) ? "study" : "study-2";
            assertThat(instanceOf(system, session, chat),
                    is(oneOf(instanceOf(system, session, onFirst), instanceOf(system, session, onSecond))));
            LiveSocket survivorViewer = victim.equals("study") ? onSecond : onFirst;

            List<String> acknowledged = new ArrayList<>();
            String first = "Which organelle produces ATP?";
            chat.ask(first);
            JsonObject firstAnswer = chat.awaitEvent("complete", e -> true);
            acknowledged.add(first);
            acknowledged.add(firstAnswer.getString("content"));

            String second = "What does the nucleus store?";
            chat.ask(second);
            chat.awaitEvent("thinking", e -> second.equals(e.getJsonObject("question").getString("content")));
            acknowledged.add(second);
            system.kill(victim);
            try {
                await("the client sees its connection end").atMost(Student.PROCESSING).until(chat::isClosed);
                chat.events("complete").stream().skip(1).findFirst()
                        .ifPresent(secondAnswer -> acknowledged.add(secondAnswer.getString("content")));

                try (LiveSocket again = LiveSocket.open(student.webSocket(session))) {
                    assertThat("reconnected to the survivor", instanceOf(system, session, again),
                            equalTo(instanceOf(system, session, survivorViewer)));
                    String third = "How do cells divide?";
                    again.ask(third);
                    JsonObject thirdAnswer = again.awaitEvent("complete", e -> true);
                    assertThat(thirdAnswer.getString("content"), containsStringIgnoringCase("mitosis"));
                    acknowledged.add(third);
                    acknowledged.add(thirdAnswer.getString("content"));
                    survivorViewer.awaitEvent("complete", e -> e.getString("messageId").equals(thirdAnswer.getString("messageId")));
                }

                List<String> history = student.transcript(session);
                assertThat("every acknowledged message, in order", history, containsInRelativeOrder(acknowledged.toArray()));
                assertEquals(history.size(), new java.util.HashSet<>(history).size(), "nothing twice: " + history);
            } finally {
                system.restart(victim);
            }
        }
    }

    private static String instanceOf(LectaVeraSystem.Running system, String session, LiveSocket socket) {
        String suffix = "/" + socket.connectionId();
        return await("the socket's presence").atMost(Student.PROCESSING).until(
                () -> RedisProbe.command(system.redisPort(), "ZRANGE", "lv:study:ws:presence:" + session, "0", "-1").stream()
                        .filter(member -> member.endsWith(suffix)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow().replace(suffix, "");
    }
}
