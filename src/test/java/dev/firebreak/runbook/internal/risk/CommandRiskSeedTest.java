package dev.firebreak.runbook.internal.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Blocks copied verbatim from the first users' runbooks (/work/shared/seeds). */
class CommandRiskSeedTest {

    private final CommandRiskClassifier classifier = new CommandRiskClassifier();

    @Test
    void seed000RecoveryActionsWithGitCleanAreDestructive() {
        String block = """
                # Reset to clean state
                git clean -fdx
                pip install -r requirements.txt

                # Regenerate all manifests
                python scripts/generate_all_manifests.py

                # Create new baseline (if approved)
                python scripts/create_golden_baseline.py -r benchmark_report.json

                # Fix permissions
                python scripts/setup_ci_permissions.py

                # Regenerate compliance artifacts
                python scripts/generate_sbom.py
                python scripts/sign_artifacts.py sign *.json
                """;
        CommandRiskClassifier.Assessment assessment = classifier.classify("bash", block, null);
        assertThat(assessment.risk()).isEqualTo("destructive");
        assertThat(assessment.reasons()).containsExactly("git clean -fdx deletes untracked files");
    }

    @Test
    void seed000LogAnalysisIsReadOnly() {
        String block = """
                # Find recent errors
                grep -i "error\\|fail\\|critical" logs/*.log | tail -20

                # Check structured logs
                jq . logs/*.jsonl | head -10

                # Schema validation logs
                grep "schema" logs/*.log

                # Performance metrics
                grep "duration_s\\|throughput" logs/*.log
                """;
        assertThat(classifier.classify("bash", block, null).risk()).isEqualTo("read-only");
    }

    @Test
    void seed000InlinePythonIsMutating() {
        String block = """
                # Check schema validation logs
                grep "schema.*fail\\|validation.*error" logs/*.log

                # Validate specific file
                python -c "
                from miso.validation.schema_validator import SchemaValidator
                validator = SchemaValidator()
                validator.validate_benchmark_report_file('benchmark_report.json')
                "
                """;
        assertThat(classifier.classify("bash", block, null).risk()).isEqualTo("mutating");
        assertThat(classifier.lines("bash", block))
                .extracting(LineAssessment::line)
                .containsExactly(1, 4);
    }

    @Test
    void seed001AutoRecoveryScriptIsDestructive() {
        String block = """
                #!/bin/bash
                # auto-recovery.sh - Automated recovery script

                NAMESPACE="photon-mlir"
                SERVICE="photon-compiler"

                # Function to check service health
                check_health() {
                    kubectl get pods -n $NAMESPACE -l app=$SERVICE | grep Running | wc -l
                }

                # Function to restart unhealthy pods
                restart_unhealthy() {
                    kubectl get pods -n $NAMESPACE -l app=$SERVICE --field-selector=status.phase!=Running -o name | \\
                        xargs -I {} kubectl delete {} -n $NAMESPACE
                }

                # Function to scale service
                scale_service() {
                    local replicas=$1
                    kubectl scale deployment $SERVICE --replicas=$replicas -n $NAMESPACE
                }

                # Main recovery logic
                echo "Starting automated recovery..."

                HEALTHY_PODS=$(check_health)
                DESIRED_REPLICAS=3

                if [ $HEALTHY_PODS -lt $DESIRED_REPLICAS ]; then
                    echo "Only $HEALTHY_PODS/$DESIRED_REPLICAS pods healthy. Initiating recovery..."

                    # Restart unhealthy pods
                    restart_unhealthy

                    # Wait for pods to start
                    sleep 30

                    # Check again
                    HEALTHY_PODS=$(check_health)

                    if [ $HEALTHY_PODS -lt $DESIRED_REPLICAS ]; then
                        echo "Still unhealthy. Scaling up..."
                        scale_service 5

                        # Wait for scale up
                        sleep 60

                        # Scale back down
                        scale_service $DESIRED_REPLICAS
                    fi
                fi

                echo "Recovery complete. Healthy pods: $(check_health)"
                """;
        CommandRiskClassifier.Assessment assessment = classifier.classify("bash", block, null);
        assertThat(assessment.risk()).isEqualTo("destructive");
        assertThat(assessment.reasons()).containsExactly("kubectl delete removes resources");
        assertThat(classifier.lines("bash", block))
                .filteredOn(line -> line.risk().equals("destructive"))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.line()).isEqualTo(13);
                    assertThat(line.command()).contains("xargs -I {} kubectl delete {}");
                });
    }

    @Test
    void seed001InitialAssessmentIsReadOnly() {
        String block = """
                # Quick system status check
                kubectl get pods -n photon-mlir --show-labels
                kubectl get services -n photon-mlir
                curl -f https://photon-compiler.example.com/health || echo "Service DOWN"
                """;
        assertThat(classifier.classify("bash", block, null).risk()).isEqualTo("read-only");
    }

    @Test
    void seed001RollbackIsMutating() {
        String block = """
                # Emergency service restart
                kubectl rollout restart deployment/photon-compiler -n photon-mlir

                # Scale up for redundancy
                kubectl scale deployment photon-compiler --replicas=5 -n photon-mlir

                # Rollback to previous version if needed
                kubectl rollout undo deployment/photon-compiler -n photon-mlir
                """;
        CommandRiskClassifier.Assessment assessment = classifier.classify("bash", block, null);
        assertThat(assessment.risk()).isEqualTo("mutating");
        assertThat(assessment.reasons()).contains("kubectl rollout undo rolls back to the previous revision");
    }

    @Test
    void seed001HardwareBlockNamesTheUnknownCommand() {
        String block = """
                # Switch to backup hardware
                photon-config set-primary-device backup-device-001

                # Disable failed device
                photon-admin disable-device failed-device-id

                # Route traffic to healthy instances
                kubectl patch service photon-compiler -p '{"spec":{"selector":{"health":"ready"}}}'
                """;
        assertThat(classifier.classify("bash", block, null).reasons())
                .contains("unknown command 'photon-admin' (assumed mutating)", "kubectl patch modifies resources");
    }

    @Test
    void seed003PromqlIsReadOnly() {
        String block = """
                # GPU utilization
                avg(hsof_gpu_utilization_percent)

                # Error rate
                rate(hsof_errors_total[5m]) * 100

                # Latency P95
                histogram_quantile(0.95, rate(hsof_request_duration_seconds_bucket[5m]))

                # Memory usage
                avg(hsof_memory_usage_bytes / hsof_memory_limit_bytes) * 100
                """;
        assertThat(classifier.classify("promql", block, null).risk()).isEqualTo("read-only");
    }

    @Test
    void seed004RedisDelIsDestructive() {
        String block = """
                # Clear queue (USE WITH CAUTION)
                redis-cli DEL metamorphic_guard:tasks
                """;
        CommandRiskClassifier.Assessment assessment = classifier.classify("bash", block, null);
        assertThat(assessment.risk()).isEqualTo("destructive");
        assertThat(assessment.reasons()).containsExactly("redis DEL deletes keys", "marked USE WITH CAUTION");
    }

    @Test
    void seed004QueueCleanupWithDelIsDestructive() {
        String block = """
                # Check queue size
                redis-cli LLEN metamorphic_guard:tasks

                # Clean up old worker heartbeats (if needed)
                redis-cli DEL metamorphic_guard:workers

                # Clean up completed result queues (job-specific)
                redis-cli KEYS "metamorphic_guard:results:*"
                # Delete old result queues manually if needed
                """;
        assertThat(classifier.classify("bash", block, null).risk()).isEqualTo("destructive");
    }

    @Test
    void seed004DiagnosticsAreReadOnly() {
        String block = """
                # Check evaluation status
                curl http://localhost:9090/metrics | grep metamorphic

                # View recent errors
                tail -f logs/metamorphic-guard.jsonl | jq 'select(.level == "ERROR")'

                # Check queue depth
                redis-cli LLEN metamorphic_guard:tasks

                # Check worker heartbeats
                redis-cli HGETALL metamorphic_guard:workers

                # Monitor dispatch rate
                watch -n 1 'redis-cli LLEN metamorphic_guard:tasks'
                """;
        assertThat(classifier.classify("bash", block, null).risk()).isEqualTo("read-only");
    }

    @Test
    void seed004JsonBlocksAreData() {
        String block = """
                {
                  "heartbeat_timeout": 120  // Increase from default 30
                }
                """;
        CommandRiskClassifier.Assessment assessment = classifier.classify("json", block, null);
        assertThat(assessment.risk()).isNull();
        assertThat(assessment.reasons()).isEmpty();
    }
}
