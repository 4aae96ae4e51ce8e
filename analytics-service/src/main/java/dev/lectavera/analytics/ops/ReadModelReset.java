package dev.lectavera.analytics.ops;

import dev.lectavera.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Operator tool: prepares a rebuild of the read models from the topics (README: "Rebuilding the read
 * models"). With every analytics-service instance stopped it
 * <ol>
 *   <li>refuses to go on if the consumer group still has members (an instance is running);</li>
 *   <li>sets the group's committed offsets on the four topics to the earliest retained offsets;</li>
 *   <li>empties the read models and processed_event ({@code ops/reset-read-models.sql}; deleted_user
 *   tombstones are kept).</li>
 * </ol>
 * The next start consumes every retained event again and rebuilds the figures. Both steps are
 * idempotent: after a failure, run it again. Offsets go first so that a failure never leaves empty
 * read models behind committed offsets (that would lose the history).
 *
 * <p>Runs from the service's own jars, no Quarkus start:
 * {@code java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' dev.lectavera.analytics.ops.ReadModelReset}
 * (in the image: {@code /deployments/app/*:/deployments/lib/main/*}). Settings come from the same
 * environment variables as the service, overridable by {@code --name=value} arguments.
 */
public final class ReadModelReset {

    public static final List<String> TOPICS = List.of(Topics.USERS, Topics.DOCUMENTS, Topics.STUDY, Topics.QUIZ);
    static final String RESET_SQL = "/ops/reset-read-models.sql";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public record Settings(String bootstrapServers, String groupId, String jdbcUrl, String jdbcUser,
                           String jdbcPassword) {
    }

    /** What was done: the offsets each partition now starts from. */
    public record Result(Map<TopicPartition, Long> offsets) {
    }

    /** The group still has members: nothing was changed. */
    public static final class GroupActiveException extends RuntimeException {
        GroupActiveException(String groupId, int members) {
            super("consumer group " + groupId + " still has " + members
                    + " member(s): stop every analytics-service instance first; nothing was changed");
        }
    }

    private ReadModelReset() {
    }

    public static void main(String[] args) {
        // Outside Quarkus the JBoss SLF4J binding cannot start: keep the Kafka client quiet instead of
        // printing provider errors; this tool reports everything that matters itself.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        }
        Map<String, String> options = parse(args);
        Map<String, String> env = System.getenv();
        Settings settings = new Settings(
                option(options, "bootstrap-servers", env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")),
                option(options, "group", "analytics-service"),
                option(options, "jdbc-url", env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://localhost:5432/lv_analytics")),
                option(options, "jdbc-user", env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", "lv_analytics")),
                option(options, "jdbc-password", env.getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "lv_analytics")));
        try {
            run(settings, System.out);
        } catch (GroupActiveException e) {
            System.err.println("REFUSED: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("FAILED: " + e.getMessage() + " (safe to run again)");
            System.exit(1);
        }
    }

    public static Result run(Settings settings, PrintStream out) {
        Map<TopicPartition, Long> offsets;
        try (Admin admin = Admin.create(adminProperties(settings.bootstrapServers()))) {
            requireNoMembers(admin, settings.groupId());
            offsets = earliestOffsets(admin);
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            offsets.forEach((partition, offset) -> commit.put(partition, new OffsetAndMetadata(offset)));
            await(admin.alterConsumerGroupOffsets(settings.groupId(), commit).all());
        }
        out.printf("Consumer group %s now starts from the earliest offsets of %d partition(s) of %s%n",
                settings.groupId(), offsets.size(), TOPICS);
        emptyReadModels(settings);
        out.println("Read models and processed_event emptied (deleted_user kept): start analytics-service to replay");
        return new Result(offsets);
    }

    private static void requireNoMembers(Admin admin, String groupId) {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups()
                    .get(groupId).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!group.members().isEmpty()) {
                throw new GroupActiveException(groupId, group.members().size());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw new IllegalStateException("cannot describe consumer group " + groupId, e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted(e);
        }
    }

    private static Map<TopicPartition, Long> earliestOffsets(Admin admin) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String topic : TOPICS) {
            try {
                TopicDescription description = admin.describeTopics(List.of(topic)).topicNameValues().get(topic)
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()),
                        OffsetSpec.earliest()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("cannot describe topic " + topic, e.getCause());
                }
                // Never created yet: nothing to replay from it.
            } catch (InterruptedException | TimeoutException e) {
                throw interrupted(e);
            }
        }
        Map<TopicPartition, ListOffsetsResultInfo> earliest = await(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        earliest.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static void emptyReadModels(Settings settings) {
        String sql = resetSql();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(),
                settings.jdbcPassword()); Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the read models: " + e.getMessage(), e);
        }
    }

    static String resetSql() {
        try (InputStream in = ReadModelReset.class.getResourceAsStream(RESET_SQL)) {
            if (in == null) {
                throw new IllegalStateException(RESET_SQL + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESET_SQL, e);
        }
    }

    private static Properties adminProperties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return properties;
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted(e);
        }
    }

    private static RuntimeException interrupted(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("Kafka did not answer in time", e);
    }

    private static final List<String> OPTIONS = List.of("bootstrap-servers", "group", "jdbc-url", "jdbc-user",
            "jdbc-password");

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !OPTIONS.contains(name)) {
                System.err.println("usage: ReadModelReset [--name=value ...] with names " + OPTIONS
                        + "\n(defaults: KAFKA_BOOTSTRAP_SERVERS, group analytics-service, QUARKUS_DATASOURCE_JDBC_URL,"
                        + " QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD)");
                System.exit(64);
            }
            options.put(name, arg.substring(eq + 1));
        }
        return options;
    }

    private static String option(Map<String, String> options, String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
