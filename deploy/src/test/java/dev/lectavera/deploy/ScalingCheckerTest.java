package dev.lectavera.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scaling checker on two Deployments: "web" (autoscaled) and "worker" (fixed), each with a budget. The good
 * manifests pass, and each kind of mistake in them is caught.
 */
class ScalingCheckerTest {

    static String deployment(String name, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                spec:
                  replicas: %2$d
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: %1$s
                        app.kubernetes.io/part-of: demo
                    spec:
                      containers:
                        - name: %1$s
                          volumeMounts:
                            - name: tmp
                              mountPath: /tmp
                      volumes:
                        - name: tmp
                          emptyDir: {}
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: %1$s
                spec:
                  maxUnavailable: 1
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: %1$s
                ---
                """.formatted(name, replicas);
    }

    static final String AUTOSCALER = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: web
              minReplicas: 2
              maxReplicas: 5
              metrics:
                - type: Resource
                  resource:
                    name: cpu
                    target:
                      type: Utilization
                      averageUtilization: 70
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: shared
            spec:
              accessModes: ["ReadWriteMany"]
            """;

    static final String GOOD = deployment("web", 2) + deployment("worker", 3) + AUTOSCALER;

    @Test
    void theGoodManifestsPass() {
        assertEquals(List.of(), check(GOOD));
    }

    @Test
    void tooFewReplicasAreCaught() {
        assertCaught(check(change(GOOD, "replicas: 3", "replicas: 1")), "Deployment/worker: replicas 1 < 2");
        assertCaught(check(cut(GOOD, "  replicas: 3\n")), "Deployment/worker: replicas 1 < 2");
    }

    @Test
    void aMissingOrWrongAutoscalerIsCaught() {
        assertCaught(check(change(GOOD, "    name: web\n  minReplicas", "    name: webs\n  minReplicas")),
                "Deployment/web: has no HorizontalPodAutoscaler");
        assertCaught(check(change(GOOD, "autoscaling/v2", "autoscaling/v1")), "apiVersion is not autoscaling/v2");
        assertCaught(check(change(GOOD, "maxReplicas: 5", "maxReplicas: 2")), "needs minReplicas >= 1 and maxReplicas above it");
        assertCaught(check(change(GOOD, "name: cpu", "name: memory")), "scales on no CPU utilization target");
        assertCaught(check(change(GOOD, "averageUtilization: 70", "averageUtilization: 0")), "scales on no CPU utilization target");
        assertCaught(check(change(GOOD, "minReplicas: 2", "minReplicas: 3")),
                "Deployment/web: replicas 2 lies outside its autoscaler's range 3..5");
        assertCaught(check(GOOD + "---\n" + AUTOSCALER.substring(0, AUTOSCALER.indexOf("---"))),
                "a second HorizontalPodAutoscaler for Deployment web");
    }

    @Test
    void aMissingDuplicateOrUselessBudgetIsCaught() {
        String workerBudget = "  name: worker\nspec:\n  maxUnavailable: 1";
        assertCaught(check(change(GOOD, "app.kubernetes.io/name: worker\n---", "app.kubernetes.io/name: nobody\n---")),
                "Deployment/worker: has 0 PodDisruptionBudgets, not one");
        assertCaught(check(change(GOOD, "app.kubernetes.io/name: worker\n---", "app.kubernetes.io/name: nobody\n---")),
                "PodDisruptionBudget/worker: selects the pods of no Deployment");
        assertCaught(check(change(GOOD, workerBudget, "  name: worker\nspec:\n  maxUnavailable: 3")),
                "with 3 replicas a drain may evict every pod");
        assertCaught(check(change(GOOD, workerBudget, "  name: worker\nspec:\n  minAvailable: 3")),
                "with 3 replicas no pod may ever be evicted");
        assertCaught(check(change(GOOD, workerBudget, "  name: worker\nspec:\n  minAvailable: 100%")),
                "with 3 replicas no pod may ever be evicted");
        assertCaught(check(change(GOOD, workerBudget, "  name: worker\nspec:\n  maxUnavailable: 0")),
                "with 3 replicas no pod may ever be evicted");
        assertCaught(check(change(GOOD, workerBudget, "  name: worker\nspec:\n  minAvailable: 1\n  maxUnavailable: 1")),
                "sets both of minAvailable and maxUnavailable");
        assertCaught(check(change(GOOD, workerBudget, "  name: worker\nspec:\n  maxUnavailable: some")),
                "maxUnavailable is neither a number nor a percentage");
        assertCaught(check(change(GOOD, "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web",
                        "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web")),
                "PodDisruptionBudget/web: apiVersion is not policy/v1");
    }

    @Test
    void budgetsAreJudgedAtTheAutoscalersFewestReplicas() {
        // worker: 3 replicas, minAvailable 2 leaves one to evict; web at its minimum of 2 with minAvailable 2 none
        assertEquals(List.of(), check(change(GOOD, "  name: worker\nspec:\n  maxUnavailable: 1", "  name: worker\nspec:\n  minAvailable: 2")));
        assertCaught(check(change(GOOD, "  name: web\nspec:\n  maxUnavailable: 1", "  name: web\nspec:\n  minAvailable: 2")),
                "PodDisruptionBudget/web: with 2 replicas no pod may ever be evicted");
        assertEquals(List.of(), check(change(GOOD, "  name: web\nspec:\n  maxUnavailable: 1", "  name: web\nspec:\n  maxUnavailable: 50%")));
    }

    @Test
    void severalReplicasOnAReadWriteOnceVolumeAreCaught() {
        String onClaim = change(GOOD, "        - name: tmp\n          emptyDir: {}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: worker",
                "        - name: tmp\n          persistentVolumeClaim:\n            claimName: shared\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: worker");
        assertEquals(List.of(), check(onClaim), "ReadWriteMany is fine");
        assertCaught(check(change(onClaim, "[\"ReadWriteMany\"]", "[\"ReadWriteOnce\"]")),
                "Deployment/worker: 3 replicas mount the ReadWriteOnce claim 'shared'");
        assertCaught(check(change(onClaim, "[\"ReadWriteMany\"]", "[\"ReadWriteOncePod\"]")),
                "Deployment/worker: 3 replicas mount the ReadWriteOnce claim 'shared'");
    }

    private static List<String> check(String yaml) {
        return ScalingChecker.check(ManifestChecker.parse("inline", yaml), 2, Set.of("web"));
    }

    private static String change(String text, String from, String to) {
        String changed = text.replace(from, to);
        assertNotEquals(text, changed, "the test's mutation did not apply: " + from);
        return changed;
    }

    private static String cut(String text, String part) {
        return change(text, part, "");
    }

    private static void assertCaught(List<String> violations, String expected) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                () -> "expected a violation containing \"" + expected + "\", got " + violations);
    }
}
