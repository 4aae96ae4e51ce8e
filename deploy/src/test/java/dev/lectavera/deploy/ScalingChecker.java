package dev.lectavera.deploy;

import dev.lectavera.deploy.ManifestChecker.Doc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.lectavera.deploy.ManifestChecker.containsAll;
import static dev.lectavera.deploy.ManifestChecker.map;
import static dev.lectavera.deploy.ManifestChecker.maps;
import static dev.lectavera.deploy.ManifestChecker.str;
import static dev.lectavera.deploy.ManifestChecker.strings;

/**
 * Replicas, HorizontalPodAutoscalers and PodDisruptionBudgets: every Deployment runs enough replicas, the
 * autoscaled ones have a CPU-based autoscaling/v2 HPA whose range holds the Deployment's replicas, every
 * Deployment has exactly one PodDisruptionBudget that lets a drain evict a pod without taking the last ones, and
 * no Deployment with more than one replica mounts a ReadWriteOnce volume (only one node could mount it).
 */
final class ScalingChecker {

    /** Replicas of a Deployment that leaves "replicas" out. */
    static final int DEFAULT_REPLICAS = 1;

    private static final Pattern PERCENT = Pattern.compile("(\\d+)%");

    private ScalingChecker() {
    }

    /**
     * @param minReplicas the fewest replicas any Deployment may have (2: one pod may go, one serves)
     * @param autoscaled  the Deployments that must have a HorizontalPodAutoscaler
     */
    static List<String> check(List<Doc> docs, int minReplicas, Collection<String> autoscaled) {
        List<String> violations = new ArrayList<>();
        Map<String, Doc> deployments = byName(docs, "Deployment");
        Map<String, List<String>> claimModes = new HashMap<>();
        for (Doc claim : docs) {
            if (claim.kind().equals("PersistentVolumeClaim")) {
                claimModes.put(claim.name(), strings(map(claim.body().get("spec")).get("accessModes")));
            }
        }
        Map<String, Doc> autoscalers = new HashMap<>();
        for (Doc hpa : docs) {
            if (hpa.kind().equals("HorizontalPodAutoscaler")) {
                checkAutoscaler(hpa, deployments, autoscalers, violations);
            }
        }
        Map<String, List<Doc>> budgets = new HashMap<>();
        for (Doc pdb : docs) {
            if (pdb.kind().equals("PodDisruptionBudget")) {
                List<String> selected = selectedDeployments(pdb, deployments);
                if (selected.isEmpty()) {
                    violations.add(pdb.id() + ": selects the pods of no Deployment");
                }
                selected.forEach(name -> budgets.computeIfAbsent(name, k -> new ArrayList<>()).add(pdb));
            }
        }

        deployments.forEach((name, deployment) -> {
            int replicas = replicas(deployment);
            if (replicas < minReplicas) {
                violations.add(deployment.id() + ": replicas " + replicas + " < " + minReplicas
                        + "; a rollout or a node drain would leave it without a ready pod");
            }
            Doc hpa = autoscalers.get(name);
            if (autoscaled.contains(name) && hpa == null) {
                violations.add(deployment.id() + ": has no HorizontalPodAutoscaler");
            }
            int fewest = replicas;
            if (hpa != null) {
                Map<String, Object> spec = map(hpa.body().get("spec"));
                int min = spec.get("minReplicas") instanceof Number n ? n.intValue() : 1;
                int max = spec.get("maxReplicas") instanceof Number n ? n.intValue() : 0;
                if (replicas < min || replicas > max) {
                    violations.add(deployment.id() + ": replicas " + replicas + " lies outside its autoscaler's range "
                            + min + ".." + max);
                }
                fewest = Math.min(replicas, min);
            }
            List<Doc> pdbs = budgets.getOrDefault(name, List.of());
            if (pdbs.size() != 1) {
                violations.add(deployment.id() + ": has " + pdbs.size() + " PodDisruptionBudgets, not one");
            } else {
                checkBudget(pdbs.getFirst(), fewest, violations);
            }
            if (replicas > 1) {
                checkNoSingleNodeVolume(deployment, replicas, claimModes, violations);
            }
        });
        return violations;
    }

    private static void checkAutoscaler(Doc hpa, Map<String, Doc> deployments, Map<String, Doc> autoscalers,
                                        List<String> violations) {
        if (!str(hpa.body().get("apiVersion")).equals("autoscaling/v2")) {
            violations.add(hpa.id() + ": apiVersion is not autoscaling/v2");
        }
        Map<String, Object> spec = map(hpa.body().get("spec"));
        Map<String, Object> target = map(spec.get("scaleTargetRef"));
        String name = str(target.get("name"));
        if (!str(target.get("kind")).equals("Deployment") || !deployments.containsKey(name)) {
            violations.add(hpa.id() + ": scaleTargetRef is not a Deployment of the manifests: " + target);
        } else if (autoscalers.put(name, hpa) != null) {
            violations.add(hpa.id() + ": a second HorizontalPodAutoscaler for Deployment " + name);
        }
        Object min = spec.get("minReplicas");
        Object max = spec.get("maxReplicas");
        if (!(min instanceof Number low) || !(max instanceof Number high) || low.intValue() < 1
                || high.intValue() <= low.intValue()) {
            violations.add(hpa.id() + ": needs minReplicas >= 1 and maxReplicas above it (has " + min + ".." + max + ")");
        }
        boolean cpu = maps(spec.get("metrics")).stream().anyMatch(metric -> {
            Map<String, Object> resource = map(metric.get("resource"));
            Map<String, Object> goal = map(resource.get("target"));
            return str(metric.get("type")).equals("Resource") && str(resource.get("name")).equals("cpu")
                    && str(goal.get("type")).equals("Utilization")
                    && goal.get("averageUtilization") instanceof Number percent
                    && percent.intValue() > 0 && percent.intValue() <= 100;
        });
        if (!cpu) {
            violations.add(hpa.id() + ": scales on no CPU utilization target (Resource cpu, Utilization 1-100)");
        }
    }

    /**
     * Exactly one of minAvailable and maxUnavailable; with the Deployment at its fewest replicas, a drain may
     * still evict one pod and at least one stays (percentages round up, as Kubernetes does).
     */
    private static void checkBudget(Doc pdb, int replicas, List<String> violations) {
        if (!str(pdb.body().get("apiVersion")).equals("policy/v1")) {
            violations.add(pdb.id() + ": apiVersion is not policy/v1");
        }
        Map<String, Object> spec = map(pdb.body().get("spec"));
        boolean hasMin = spec.containsKey("minAvailable");
        boolean hasMax = spec.containsKey("maxUnavailable");
        if (hasMin == hasMax) {
            violations.add(pdb.id() + ": sets " + (hasMin ? "both" : "neither") + " of minAvailable and maxUnavailable");
            return;
        }
        Integer value = absolute(spec.get(hasMin ? "minAvailable" : "maxUnavailable"), replicas);
        if (value == null) {
            violations.add(pdb.id() + ": " + (hasMin ? "minAvailable" : "maxUnavailable") + " is neither a number nor a percentage");
            return;
        }
        int evictable = hasMin ? replicas - value : value;
        if (evictable < 1) {
            violations.add(pdb.id() + ": with " + replicas + " replicas no pod may ever be evicted (a node drain would hang)");
        } else if (evictable >= replicas) {
            violations.add(pdb.id() + ": with " + replicas + " replicas a drain may evict every pod");
        }
    }

    private static Integer absolute(Object value, int replicas) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        Matcher percent = PERCENT.matcher(str(value));
        return percent.matches() ? (int) Math.ceil(replicas * Integer.parseInt(percent.group(1)) / 100.0) : null;
    }

    private static void checkNoSingleNodeVolume(Doc deployment, int replicas, Map<String, List<String>> claimModes,
                                                List<String> violations) {
        Map<String, Object> podSpec = map(map(map(deployment.body().get("spec")).get("template")).get("spec"));
        for (Map<String, Object> volume : maps(podSpec.get("volumes"))) {
            String claim = str(map(volume.get("persistentVolumeClaim")).get("claimName"));
            List<String> modes = claimModes.getOrDefault(claim, List.of());
            if (!claim.isEmpty() && (modes.contains("ReadWriteOnce") || modes.contains("ReadWriteOncePod"))) {
                violations.add(deployment.id() + ": " + replicas + " replicas mount the ReadWriteOnce claim '" + claim
                        + "', which one node at most can attach");
            }
        }
    }

    /** The Deployments whose pod labels the budget's matchLabels select. */
    private static List<String> selectedDeployments(Doc pdb, Map<String, Doc> deployments) {
        Map<String, Object> selector = map(map(map(pdb.body().get("spec")).get("selector")).get("matchLabels"));
        List<String> selected = new ArrayList<>();
        if (selector.isEmpty()) {
            return selected;
        }
        deployments.forEach((name, deployment) -> {
            Map<String, Object> labels = map(map(map(map(deployment.body().get("spec")).get("template")).get("metadata")).get("labels"));
            if (containsAll(labels, selector)) {
                selected.add(name);
            }
        });
        return selected;
    }

    static int replicas(Doc deployment) {
        Object replicas = map(deployment.body().get("spec")).get("replicas");
        return replicas instanceof Number number ? number.intValue() : DEFAULT_REPLICAS;
    }

    private static Map<String, Doc> byName(List<Doc> docs, String kind) {
        Map<String, Doc> named = new LinkedHashMap<>();
        docs.stream().filter(doc -> doc.kind().equals(kind)).forEach(doc -> named.put(doc.name(), doc));
        return named;
    }
}
