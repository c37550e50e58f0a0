// Verifies recorded webhook requests with the standardwebhooks package.
// Usage: node verify-standardwebhooks.mjs <folder of request JSON files> <secret> [<secret>...]
// Each file is { headers: { "webhook-id", "webhook-timestamp", "webhook-signature" }, body: "<exact body>" }.
// Prints one line per file and exits 1 when a file verifies with none of the secrets.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Webhook } from "standardwebhooks";

const [folder, ...secrets] = process.argv.slice(2);
if (!folder || secrets.length === 0) {
  console.error("usage: node verify-standardwebhooks.mjs <folder> <secret> [<secret>...]");
  process.exit(2);
}

const verifiers = secrets.map((secret) => new Webhook(secret));
const files = readdirSync(folder).filter((name) => name.endsWith(".json")).sort();
let failed = 0;
for (const name of files) {
  const { headers, body } = JSON.parse(readFileSync(join(folder, name), "utf8"));
  const verifiedBy = verifiers.filter((verifier) => {
    try {
      verifier.verify(body, headers);
      return true;
    } catch {
      return false;
    }
  }).length;
  if (verifiedBy === 0) {
    failed++;
  }
  console.log(`${verifiedBy > 0 ? "VERIFIED" : "FAILED"} ${name} ${headers["webhook-id"]} by ${verifiedBy} of ${verifiers.length} secret(s)`);
}

console.log(`${files.length} request(s), ${failed} failed`);
process.exit(failed === 0 && files.length > 0 ? 0 : 1);
