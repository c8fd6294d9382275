// Creates a contract group with the official Tencent Cloud Node.js SDK and reads it back, as an
// integrator would; NodeSdkIT runs it against a test server and checks what it prints.
// Usage: node group-round-trip.js <host:port> <secretId> <secretKey> <request.json> <signMethod> <GET|POST>
// Prints one JSON line: {"created": CreateFlowGroupByFiles's answer, "described": DescribeFlowInfo's},
// or {"error": {"code", "message"}} and exits 1.
"use strict";
const fs = require("fs");
// the ESS client alone: the package's main module loads every Tencent Cloud service
const { v20201111 } = require("tencentcloud-sdk-nodejs/tencentcloud/services/ess").ess;

async function main() {
  const [endpoint, secretId, secretKey, requestFile, signMethod, reqMethod] = process.argv.slice(2);
  const client = new v20201111.Client({
    credential: { secretId, secretKey },
    region: "",
    profile: { signMethod, httpProfile: { endpoint, protocol: "http://", reqMethod } },
  });
  const request = JSON.parse(fs.readFileSync(requestFile, "utf8"));
  const created = await client.CreateFlowGroupByFiles(request);
  // no "Agent: undefined": over GET and forms the SDK would send it as an empty Agent
  const describe = { Operator: request.Operator, FlowGroupId: created.FlowGroupId };
  if (request.Agent) {
    describe.Agent = request.Agent;
  }
  const described = await client.DescribeFlowInfo(describe);
  console.log(JSON.stringify({ created, described }));
}

main().catch((e) => {
  console.log(JSON.stringify({ error: { code: e.code || "", message: e.message } }));
  process.exit(1);
});
