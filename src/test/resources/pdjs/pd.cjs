// PagerDuty's official Node client (@pagerduty/pdjs) against Firebreak: only the host changes.
// Usage: node pd.cjs HOST:PORT ROUTING_KEY DEDUP_KEY trigger|acknowledge|resolve|change
const pd = require('@pagerduty/pdjs');
const [server, key, dedup, action] = process.argv.slice(2);

async function main() {
  let answer;
  if (action === 'change') {
    answer = await pd.change({
      server,
      data: {
        routing_key: key,
        payload: {
          summary: 'Deploy ' + dedup,
          source: 'pdjs-test',
          timestamp: new Date().toISOString(),
          custom_details: {build: '42'},
        },
        links: [{href: 'https://ci.example/builds/42', text: 'Build 42'}],
      },
    });
  } else {
    const data = {routing_key: key, dedup_key: dedup};
    if (action === 'trigger') {
      data.payload = {summary: 'TLS check ' + dedup, source: 'pdjs-test', severity: 'critical'};
    }
    answer = await pd[action]({server, data});
  }
  console.log(JSON.stringify({status: answer.status, data: answer.data}));
}

main().catch(e => {
  console.error(String(e && e.stack || e));
  process.exit(1);
});
