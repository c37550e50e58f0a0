// A client written against the generated types only: every call, body and answer below is checked by tsc --strict.
import createClient from "openapi-fetch";
import type { components, paths } from "./api.js";

type Problem = components["schemas"]["Problem"];

const client = createClient<paths>({
  baseUrl: process.env.TICKETPLATFORM_URL,
  headers: { Authorization: `Bearer ${process.env.TICKETPLATFORM_TOKEN}` },
});

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`check failed: ${what}`);
  }
}

function describe(problem: Problem | undefined): string {
  return problem ? `${problem.status} ${problem.code}: ${problem.detail ?? ""}` : "no problem body";
}

const key = `scenario-${Date.now()}`;
const body = { title: "Printer on fire", description: "It is burning.", priority: "HIGH" as const };
const created = await client.POST("/api/tickets", { body, params: { header: { "Idempotency-Key": key } } });
if (!created.data) {
  throw new Error(`create: ${describe(created.error)}`);
}

const ticket = created.data;
check(created.response.status === 201, "a ticket is created with 201");
check(ticket.status === "OPEN" && ticket.priority === "HIGH", "the new ticket is OPEN with the priority asked for");

const retried = await client.POST("/api/tickets", { body, params: { header: { "Idempotency-Key": key } } });
check(retried.data?.number === ticket.number, "a retry with the same Idempotency-Key answers the same ticket");
check(retried.response.headers.get("Idempotent-Replayed") === "true", "the retry is marked Idempotent-Replayed");

const posted = await client.POST("/api/tickets/{number}/messages", {
  params: { path: { number: ticket.number } },
  body: { content: "On my way with an extinguisher." },
});
if (!posted.data) {
  throw new Error(`post message: ${describe(posted.error)}`);
}

check(posted.data.visibility === "PUBLIC", "a message is PUBLIC by default");

const moved = await client.PATCH("/api/tickets/{number}/status", {
  params: { path: { number: ticket.number } },
  body: { status: "IN_PROGRESS" },
});
check(moved.data?.status === "IN_PROGRESS", "the ticket moves to IN_PROGRESS");

const refused = await client.PATCH("/api/tickets/{number}/status", {
  params: { path: { number: ticket.number } },
  body: { status: "CLOSED" },
});
const problem: Problem | undefined = refused.error;
check(refused.response.status === 409, "IN_PROGRESS to CLOSED is refused with 409");
check(problem?.code === "INVALID_TRANSITION", "the refusal is a typed INVALID_TRANSITION problem");
check(JSON.stringify(problem?.allowed) === JSON.stringify(["OPEN", "RESOLVED"]), "the problem names the allowed targets");

const timeline = await client.GET("/api/tickets/{number}/events", { params: { path: { number: ticket.number }, query: { limit: 50 } } });
if (!timeline.data) {
  throw new Error(`timeline: ${describe(timeline.error)}`);
}

const types = timeline.data.items.map((event) => event.type);
check(JSON.stringify(types) === JSON.stringify(["TICKET_CREATED", "MESSAGE_POSTED", "STATUS_CHANGED"]), `the timeline tells the story: ${types.join(", ")}`);

console.log(`scenario passed: ${ticket.number}, ${types.length} events`);
