package io.activeedge.local.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The benchmark's numbers: per phase of the cold runs and for the warm events, the machine, and the table it prints. */
final class BenchReport {

    private BenchReport() {
    }

    static Map<String, Object> cold(List<ProbeRun> runs, boolean failover) {
        Map<String, ToLongFunction<ProbeRun>> phases = new LinkedHashMap<>();
        phases.put("vmStartToMain", ProbeRun::vmStartToMainNanos);
        phases.put("spawnToMain", ProbeRun::spawnToMainNanos);
        phases.put("init", r -> r.result().initNanos());
        if (failover) {
            phases.put("prime", r -> r.result().primeNanos());
        }
        phases.put("firstEvent", r -> r.result().eventNanos().get(0));
        if (failover) {
            phases.put("secondEvent", r -> r.result().eventNanos().get(1));
        }
        phases.put("spawnToFirstResult", ProbeRun::spawnToFirstResultNanos);
        phases.put("process", ProbeRun::processNanos);

        List<Map<String, Double>> raw = new ArrayList<>();
        for (ProbeRun run : runs) {
            Map<String, Double> values = new LinkedHashMap<>();
            phases.forEach((phase, value) -> values.put(phase + "Ms", Stats.millis(value.applyAsLong(run))));
            raw.add(values);
        }
        Map<String, Stats> stats = new LinkedHashMap<>();
        phases.forEach((phase, value) -> stats.put(phase, Stats.ofNanos(runs.stream().map(value::applyAsLong).toList())));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("stats", stats);
        result.put("runs", raw);
        return result;
    }

    static Map<String, Object> warm(ProbeResult run) {
        List<Long> measured = run.eventNanos().subList(FailoverBenchmark.WARM_UP_EVENTS, run.eventNanos().size());
        List<Long> drains = new ArrayList<>();
        List<Long> restores = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            ((FailoverBenchmark.WARM_UP_EVENTS + i) % 2 == 0 ? drains : restores).add(measured.get(i));
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("all", Stats.ofNanos(measured));
        stats.put("drain", Stats.ofNanos(drains));
        if (!restores.isEmpty()) {
            stats.put("restore", Stats.ofNanos(restores));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("initMs", Stats.millis(run.initNanos()));
        result.put("stats", stats);
        result.put("warmUpEventsMs", run.eventNanos().subList(0, FailoverBenchmark.WARM_UP_EVENTS).stream().map(Stats::millis).toList());
        result.put("eventsMs", measured.stream().map(Stats::millis).toList());
        return result;
    }

    /**
     * AWS calls per decision, by service: the cold first decision (each run), and the warm drains and restores
     * (median and largest), counted by localcloud.ApiCallCounter in the probe's JVM.
     */
    static Map<String, Object> callBudget(List<ProbeRun> cold, ProbeResult warm) {
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("coldFirstDecision", cold.stream().map(r -> r.result().eventCalls().get(0)).toList());
        List<Map<String, Long>> measured = warm.eventCalls().subList(FailoverBenchmark.WARM_UP_EVENTS,
                warm.eventCalls().size());
        List<Map<String, Long>> drains = new ArrayList<>();
        List<Map<String, Long>> restores = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            ((FailoverBenchmark.WARM_UP_EVENTS + i) % 2 == 0 ? drains : restores).add(measured.get(i));
        }
        budget.put("warmDrain", perService(drains));
        budget.put("warmRestore", perService(restores));
        return budget;
    }

    /** Per service: the median and the largest number of calls an event made. */
    private static Map<String, Map<String, Long>> perService(List<Map<String, Long>> events) {
        Map<String, Map<String, Long>> result = new java.util.TreeMap<>();
        events.stream().flatMap(e -> e.keySet().stream()).distinct().forEach(service -> {
            long[] counts = events.stream().mapToLong(e -> e.getOrDefault(service, 0L)).sorted().toArray();
            result.put(service, Map.of("median", Stats.percentile(counts, 50), "max", counts[counts.length - 1]));
        });
        return result;
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        return machine;
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> report) {
        StringBuilder text = new StringBuilder();
        Map<String, Object> cold = (Map<String, Object>) report.get("cold");
        text.append(String.format("%-34s %10s %10s %10s%n", "cold start (ms, fresh JVM)", "median", "p90", "max"));
        appendCold(text, "failover handler", (Map<String, Stats>) ((Map<String, Object>) cold.get("failover")).get("stats"));
        appendCold(text, "bare Route 53 client", (Map<String, Stats>) ((Map<String, Object>) cold.get("route53Baseline")).get("stats"));
        Map<String, Object> warm = (Map<String, Object>) report.get("warm");
        text.append(String.format("%n%-34s %10s %10s %10s %10s%n", "warm (ms per event)", "median", "p90", "p99", "max"));
        ((Map<String, Stats>) warm.get("stats")).forEach((name, s) -> text.append(String.format(
                "  %-32s %10.2f %10.2f %10.2f %10.2f%n", name + " (" + s.count() + ")", s.median(), s.p90(), s.p99(), s.max())));
        if (report.get("ratio") instanceof ColdRatio ratio) {
            text.append(String.format("%n")).append(ratio.line()).append(String.format("%n"));
        }
        if (report.get("callBudget") instanceof Map<?, ?> budget) {
            text.append(String.format("%nAWS calls per decision (by service): warm drain %s, warm restore %s%n",
                    budget.get("warmDrain"), budget.get("warmRestore")));
        }
        return text.toString();
    }

    private static void appendCold(StringBuilder text, String title, Map<String, Stats> stats) {
        text.append("  ").append(title).append('\n');
        stats.forEach((phase, s) -> text.append(String.format("    %-30s %10.1f %10.1f %10.1f%n", phase, s.median(), s.p90(), s.max())));
    }
}
