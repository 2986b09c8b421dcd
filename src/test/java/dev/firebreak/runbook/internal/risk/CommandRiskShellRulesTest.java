package dev.firebreak.runbook.internal.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One shell command per row, judged as a one-line bash block. */
class CommandRiskShellRulesTest {

    private final CommandRiskClassifier classifier = new CommandRiskClassifier();

    static Stream<Arguments> kubernetes() {
        return CommandRiskTable.rows("""
                kubectl get pods -n photon-mlir --show-labels                 => read-only
                kubectl -n prod describe deployment api                       => read-only
                kubectl logs -n x -l app=y --tail=50 --previous               => read-only
                kubectl top pods                                              => read-only
                kubectl explain pod.spec                                      => read-only
                kubectl version                                               => read-only
                kubectl api-resources                                         => read-only
                kubectl cluster-info                                          => read-only
                kubectl auth can-i delete pods                                => read-only
                kubectl config view                                           => read-only
                kubectl config use-context prod                               => mutating
                kubectl rollout history deployment/api                        => read-only
                kubectl rollout status deployment/api                         => read-only
                kubectl diff -f app.yaml                                      => read-only
                kubectl apply -f app.yaml                                     => mutating
                kubectl apply -f app.yaml --dry-run=client                    => read-only
                kubectl create namespace x                                    => mutating
                kubectl patch service api -p '{"spec":{"selector":{"a":"b"}}}' => mutating
                kubectl edit deployment api                                   => mutating
                kubectl scale deployment api --replicas=5                     => mutating
                kubectl rollout restart deployment/api                        => mutating
                kubectl rollout undo deployment/api                           => mutating
                kubectl rollout pause deployment/api                          => mutating
                kubectl rollout resume deployment/api                         => mutating
                kubectl label pod x a=b                                       => mutating
                kubectl annotate pod x a=b                                    => mutating
                kubectl cordon node-1                                         => mutating
                kubectl uncordon node-1                                       => mutating
                kubectl taint nodes node-1 key=value:NoSchedule               => mutating
                kubectl set image deployment/api api=img:2                    => mutating
                kubectl exec -it pod-1 -- ls /tmp                             => mutating
                kubectl exec -it pod-1 -- rm -rf /data                        => destructive
                kubectl cp pod-1:/tmp/x ./x                                   => mutating
                kubectl port-forward svc/api 8080:80                          => mutating
                kubectl drain node-1 --ignore-daemonsets                      => mutating
                kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data => destructive
                kubectl autoscale deployment api --max=5                      => mutating
                kubectl expose deployment api --port=80                       => mutating
                kubectl run debug --image=busybox                             => mutating
                kubectl delete pod api-123                                    => destructive
                kubectl replace -f app.yaml                                   => mutating
                kubectl replace --force -f app.yaml                           => destructive
                kubectl frobnicate                                            => mutating
                oc get pods                                                   => read-only
                helm list -A                                                  => read-only
                helm status api                                               => read-only
                helm history api                                              => read-only
                helm get values api                                           => read-only
                helm show values bitnami/redis                                => read-only
                helm template ./chart                                         => read-only
                helm search repo redis                                        => read-only
                helm repo list                                                => read-only
                helm install api ./chart                                      => mutating
                helm upgrade --install api ./chart -n prod                    => mutating
                helm rollback api 3                                           => mutating
                helm repo add bitnami https://charts.bitnami.com/bitnami      => mutating
                helm repo update                                              => mutating
                helm upgrade api ./chart --dry-run                            => read-only
                helm uninstall api                                            => destructive
                helm delete api                                               => destructive
                """);
    }

    static Stream<Arguments> containersAndServices() {
        return CommandRiskTable.rows("""
                docker ps --filter "status=running"                           => read-only
                docker logs counterfactual-lab-prod --tail 100 -f             => read-only
                docker inspect api                                            => read-only
                docker images counterfactual-lab --format "{{.Tag}}"          => read-only
                docker stats --no-stream                                      => read-only
                docker top api                                                => read-only
                docker version                                                => read-only
                docker info                                                   => read-only
                docker container ls                                           => read-only
                docker restart api                                            => mutating
                docker stop api                                               => mutating
                docker start api                                              => mutating
                docker run --rm busybox true                                  => mutating
                docker exec -it api ls                                        => mutating
                docker tag app:previous app:latest                            => mutating
                docker pull nginx                                             => mutating
                docker push registry/app:1                                    => mutating
                docker build -t app .                                         => mutating
                docker rm -f api                                              => destructive
                docker rmi app:old                                            => destructive
                docker kill api                                               => destructive
                docker system prune -af                                       => destructive
                docker volume rm data                                         => destructive
                docker volume prune                                           => destructive
                docker image prune -a                                         => destructive
                docker volume ls                                              => read-only
                docker-compose ps                                             => read-only
                docker-compose logs -f api                                    => read-only
                docker-compose restart counterfactual-lab-prod                => mutating
                docker-compose up -d --scale web=3                            => mutating
                docker compose -f prod.yml up -d                              => mutating
                docker compose down                                           => mutating
                docker compose down -v                                        => destructive
                docker-compose down --volumes                                 => destructive
                docker compose rm -f                                          => destructive
                docker compose exec db psql -U app -c 'DELETE FROM x'         => destructive
                docker-compose exec api ls                                    => mutating
                docker exec -it redis redis-cli FLUSHALL                      => destructive
                systemctl status nginx                                        => read-only
                systemctl is-active nginx                                     => read-only
                systemctl is-enabled nginx                                    => read-only
                systemctl list-units --failed                                 => read-only
                systemctl show nginx -p ActiveState                           => read-only
                systemctl cat nginx                                           => read-only
                systemctl start nginx                                         => mutating
                systemctl stop nginx                                          => mutating
                systemctl restart nginx                                       => mutating
                systemctl reload nginx                                        => mutating
                systemctl enable --now nginx                                  => mutating
                systemctl disable nginx                                       => mutating
                systemctl mask nginx                                          => mutating
                systemctl daemon-reload                                       => mutating
                systemctl reboot                                              => destructive
                service nginx status                                          => read-only
                service nginx restart                                         => mutating
                journalctl -u docker.service -f                               => read-only
                journalctl --since "1 hour ago" --no-pager                    => read-only
                journalctl --vacuum-time=2d                                   => destructive
                journalctl --vacuum-size 500M                                 => destructive
                """);
    }

    static Stream<Arguments> gitAndFiles() {
        return CommandRiskTable.rows("""
                git status                                                    => read-only
                git log --oneline -10                                         => read-only
                git diff HEAD~1                                               => read-only
                git show HEAD                                                 => read-only
                git branch                                                    => read-only
                git branch -a                                                 => read-only
                git remote -v                                                 => read-only
                git fetch origin                                              => read-only
                git rev-parse HEAD                                            => read-only
                git blame README.md                                           => read-only
                git -C /srv/app status                                        => read-only
                git commit -am "fix"                                          => mutating
                git push origin main                                          => mutating
                git pull                                                      => mutating
                git checkout main                                             => mutating
                git merge feature                                             => mutating
                git rebase main                                               => mutating
                git tag v1.2                                                  => mutating
                git stash                                                     => mutating
                git branch hotfix                                             => mutating
                git clean -fdx                                                => destructive
                git clean -f                                                  => destructive
                git clean -n                                                  => read-only
                git reset --hard origin/main                                  => destructive
                git reset HEAD~1                                              => mutating
                git push --force origin main                                  => destructive
                git push -f                                                   => destructive
                git push --force-with-lease                                   => destructive
                git branch -D old-feature                                     => destructive
                git checkout -- .                                             => destructive
                rm file.txt                                                   => destructive
                rm -rf /var/lib/app/cache                                     => destructive
                rm -r build                                                   => destructive
                mv a b                                                        => mutating
                cp a b                                                        => mutating
                chmod 600 key.pem                                             => mutating
                chown app:app /srv                                            => mutating
                ln -s a b                                                     => mutating
                mkdir -p /tmp/x                                               => mutating
                touch marker                                                  => mutating
                tee out.log                                                   => mutating
                tee /dev/null                                                 => read-only
                sed -i 's/a/b/' config.ini                                    => mutating
                sed -i.bak 's/a/b/' config.ini                                => mutating
                sed -n '1,10p' file                                           => read-only
                sed 's/a/b/' file                                             => read-only
                install -m 755 bin /usr/local/bin                             => mutating
                awk '{print $1}' access.log                                   => read-only
                awk '{ system("rm " $1) }' list                               => mutating
                find /tmp -name '*.log'                                       => read-only
                find /tmp -name '*.log' -delete                               => destructive
                find /tmp -name '*.log' -exec rm {} \\;                       => destructive
                find datasets/ -name "manifest.sha256" -exec wc -l {} +       => read-only
                dd if=/dev/zero of=/dev/sda bs=1M                             => destructive
                mkfs.ext4 /dev/sdb1                                           => destructive
                shred -u secret.txt                                           => destructive
                truncate -s 0 app.log                                         => destructive
                wipefs -a /dev/sdb                                            => destructive
                fdisk /dev/sdb                                                => destructive
                fdisk -l                                                      => read-only
                """);
    }

    static Stream<Arguments> processesAndNetwork() {
        return CommandRiskTable.rows("""
                kill 1234                                                     => mutating
                kill -HUP 1234                                                => mutating
                kill -9 1234                                                  => destructive
                kill -KILL 1234                                               => destructive
                kill -s KILL 1234                                             => destructive
                kill -0 1234                                                  => read-only
                pkill -f worker                                               => destructive
                killall nginx                                                 => destructive
                reboot                                                        => destructive
                shutdown -h now                                               => destructive
                halt                                                          => destructive
                poweroff                                                      => destructive
                curl -f http://localhost:8080/health                          => read-only
                curl -s 'http://prometheus:9090/api/v1/query?query=up'        => read-only
                curl -I https://example.com                                   => read-only
                curl -X POST https://api/x                                    => mutating
                curl -XPOST https://api/x                                     => mutating
                curl --request PUT https://api/x                              => mutating
                curl --request=PATCH https://api/x                            => mutating
                curl -sX POST https://api/x                                   => mutating
                curl -d '{"a":1}' https://api/x                               => mutating
                curl --data-binary @f https://api/x                           => mutating
                curl -F file=@x https://api/upload                            => mutating
                curl -T file https://api/upload                               => mutating
                curl --json '{"a":1}' https://api/x                           => mutating
                curl -X DELETE https://api/items/1                            => destructive
                curl -H "X-Method: DELETE" https://api/items                  => read-only
                curl -o /tmp/out.json https://api/x                           => mutating
                curl -o /dev/null -w '%{http_code}' https://api/x             => read-only
                wget -qO- https://example.com                                 => read-only
                wget --method=DELETE https://api/x                            => destructive
                wget --post-data 'a=1' https://api/x                          => mutating
                http GET https://api/x                                        => read-only
                http https://api/x                                            => read-only
                http POST https://api/x name=value                            => mutating
                http https://api/x name=value                                 => mutating
                http DELETE https://api/x                                     => destructive
                dig example.com                                               => read-only
                nslookup redis.example.com                                    => read-only
                ping -c 3 redis.example.com                                   => read-only
                nc -zv postgres-service 5432                                  => read-only
                telnet host 25                                                => read-only
                openssl s_client -connect host:443                            => read-only
                openssl x509 -in cert.pem -noout -text                        => read-only
                ss -tlnp                                                      => read-only
                netstat -an                                                   => read-only
                ip addr show                                                  => read-only
                ip route add 10.0.0.0/8 via 1.2.3.4                           => mutating
                iptables -L -n                                                => read-only
                iptables -F                                                   => destructive
                """);
    }

    static Stream<Arguments> cloudAndData() {
        return CommandRiskTable.rows("""
                terraform plan                                                => read-only
                terraform show                                                => read-only
                terraform validate                                            => read-only
                terraform output                                              => read-only
                terraform state list                                          => read-only
                terraform state show aws_instance.a                           => read-only
                terraform fmt -check                                          => read-only
                terraform fmt                                                 => mutating
                terraform init                                                => mutating
                terraform apply -auto-approve                                 => mutating
                terraform destroy                                             => destructive
                terraform apply -destroy                                      => destructive
                terraform state rm aws_instance.a                             => destructive
                tofu plan                                                     => read-only
                aws ec2 describe-instances                                    => read-only
                aws s3 ls s3://bucket                                         => read-only
                aws sts get-caller-identity                                   => read-only
                aws ec2 terminate-instances --instance-ids i-1                => destructive
                aws s3 rm s3://bucket/key                                     => destructive
                aws s3 cp a s3://bucket/a                                     => mutating
                aws ec2 start-instances --instance-ids i-1                    => mutating
                aws logs put-retention-policy --log-group-name x              => mutating
                gcloud compute instances list                                 => read-only
                gcloud compute instances describe vm-1                        => read-only
                gcloud compute instances delete vm-1 --zone us-east1-b        => destructive
                gcloud container clusters get-credentials prod                => mutating
                gcloud compute instances stop vm-1                            => mutating
                az vm list                                                    => read-only
                az group delete --name rg                                     => destructive
                az vm restart --name vm                                       => mutating
                gcloud logging read 'severity>=ERROR' --limit 50              => read-only
                aws cloudwatch get-metric-statistics --namespace AWS/EC2      => read-only
                vault kv get secret/app                                       => read-only
                vault kv put secret/app key=value                             => mutating
                vault kv destroy -versions=1 secret/app                       => destructive
                etcdctl endpoint health                                       => read-only
                etcdctl del /registry/x                                       => destructive
                argocd app get myapp                                          => read-only
                argocd app sync status-page                                   => mutating
                argocd app delete myapp                                       => destructive
                flux reconcile kustomization apps                             => mutating
                redis-cli ping                                                => read-only
                redis-cli LLEN metamorphic_guard:tasks                        => read-only
                redis-cli HGETALL metamorphic_guard:workers                   => read-only
                redis-cli get key                                             => read-only
                redis-cli -h redis.example.com -p 6379 PING                   => read-only
                redis-cli -h x -p 1 -n 0 DEL k                                => destructive
                redis-cli DEL metamorphic_guard:tasks                         => destructive
                redis-cli unlink k                                            => destructive
                redis-cli FLUSHALL                                            => destructive
                redis-cli flushdb                                             => destructive
                redis-cli SHUTDOWN                                            => destructive
                redis-cli LTRIM q 0 99                                        => destructive
                redis-cli SET k v                                             => mutating
                redis-cli HSET h f v                                          => mutating
                redis-cli LPUSH q x                                           => mutating
                redis-cli RPUSH q x                                           => mutating
                redis-cli EXPIRE k 60                                         => mutating
                redis-cli CONFIG GET maxmemory                                => read-only
                redis-cli CONFIG SET maxmemory 1gb                            => mutating
                redis-cli CLIENT LIST                                         => read-only
                redis-cli CLIENT KILL ID 5                                    => mutating
                redis-cli SLOWLOG GET 10                                      => read-only
                redis-cli INFO memory                                         => read-only
                redis-cli KEYS "metamorphic_guard:results:*"                  => read-only
                redis-cli --scan --pattern 'a*'                               => read-only
                redis-cli DBSIZE                                              => read-only
                redis-cli MONITOR                                             => read-only
                redis-cli SCARD s                                             => read-only
                redis-cli ZRANGE z 0 -1                                       => read-only
                redis-cli TTL k                                               => read-only
                redis-cli FROBNICATE k                                        => mutating
                psql -c "SELECT 1"                                            => read-only
                psql -h db -U app -d app -c 'DROP TABLE users'                => destructive
                psql -c "UPDATE users SET a = 1 WHERE id = 2"                 => mutating
                psql -c "UPDATE users SET a = 1"                              => destructive
                psql -c '\\dt'                                                => read-only
                psql -f migrate.sql                                           => mutating
                psql                                                          => mutating
                mysql -e "SHOW PROCESSLIST"                                   => read-only
                mysql -e "DELETE FROM sessions"                               => destructive
                sqlite3 app.db "SELECT count(*) FROM t"                       => read-only
                sqlite3 app.db .tables                                        => read-only
                cockroach sql -e "TRUNCATE t"                                 => destructive
                pg_isready -h localhost -p 5432                               => read-only
                """);
    }

    static Stream<Arguments> toolsAndWrappers() {
        return CommandRiskTable.rows("""
                ls -la datasets/*/                                            => read-only
                cat baseline/current/baseline_metrics.json                    => read-only
                grep -i "error" logs/*.log                                    => read-only
                jq '.schema_version' benchmark_report.json                    => read-only
                head -5 f; tail -f /var/log/nginx/access.log                  => read-only
                wc -l f; sort -n f; uniq -c f; cut -d, -f1 f                  => read-only
                ps aux; top -b -n 1; free -m; df -h; du -sh /var              => read-only
                uptime; vmstat 1 5; iostat; lsof -i :80                       => read-only
                date; whoami; hostname; env; printenv PATH; which kubectl     => read-only
                stat f; file f; uname -a; id; echo hi; printf '%s' x          => read-only
                sleep 5; true; test -f x; [ -d /tmp ]                         => read-only
                nvidia-smi                                                    => read-only
                egrep x f; rg x; yq '.a' f.yaml; traceroute example.com       => read-only
                host example.com; less f; more f; htop; lsof -p 1              => read-only
                printenv HOME; uname -r; pg_isready; netstat -tlnp             => read-only
                nvidia-smi -r                                                 => destructive
                wget https://example.com/file.tar.gz                          => read-only
                tofu destroy                                                  => destructive
                gzip -c big.log                                               => read-only
                crontab -r                                                    => destructive
                python -m json.tool < report.json                             => read-only
                python3 -m json.tool report.json                              => read-only
                python scripts/validate_datasets.py                           => mutating
                python -c "print(1)"                                          => mutating
                node server.js                                                => mutating
                ruby fix.rb                                                   => mutating
                perl -e 'print 1'                                             => mutating
                java -jar tool.jar                                            => mutating
                make test-short                                               => mutating
                pip install -r requirements.txt                               => mutating
                pip list                                                      => read-only
                apt-get install -y jq                                         => mutating
                npm install                                                   => mutating
                photon-admin disable-device failed-device-id                  => mutating
                ./scripts/recover.sh                                          => mutating
                sudo systemctl status nginx                                   => read-only
                sudo systemctl restart nginx                                  => mutating
                sudo -u postgres psql -c 'DROP DATABASE x'                    => destructive
                sudo rm -rf /tmp/x                                            => destructive
                env FOO=1 kubectl get pods                                    => read-only
                env FOO=1 kubectl delete pod x                                => destructive
                time kubectl get pods                                         => read-only
                nohup kubectl delete pod x &                                  => destructive
                timeout 10 kubectl get pods                                   => read-only
                timeout -s KILL 10 rm x                                       => destructive
                watch -n 1 'redis-cli LLEN metamorphic_guard:tasks'           => read-only
                watch -n 5 kubectl get pods                                   => read-only
                watch 'kubectl delete pod x'                                  => destructive
                bash -c 'kubectl get pods | grep Running'                     => read-only
                sh -c "rm -rf /tmp/cache"                                     => destructive
                bash deploy.sh                                                => mutating
                ssh host 'systemctl status nginx'                             => read-only
                ssh host sudo reboot                                          => destructive
                ssh host                                                      => mutating
                xargs kubectl delete pod                                      => destructive
                xargs -I {} kubectl delete {} -n ns                           => destructive
                xargs -n1 echo                                                => read-only
                NAMESPACE="photon-mlir"                                       => read-only
                export KUBECONFIG=~/.kube/prod                                => read-only
                local replicas=$1                                             => read-only
                set -euo pipefail                                             => read-only
                FOO=1 kubectl get pods                                        => read-only
                eval "kubectl delete pod x"                                   => destructive
                """);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource({
        "kubernetes",
        "containersAndServices",
        "gitAndFiles",
        "processesAndNetwork",
        "cloudAndData",
        "toolsAndWrappers"
    })
    void judgesCommand(String command, String risk) {
        assertThat(classifier.classify("bash", command, null).risk())
                .as(command)
                .isEqualTo(risk);
    }
}
