// Drives the console page in headless Chromium as an agent (on one Api node) and as the requester (on another):
//   node console-page.mjs AGENT_NODE_URL REQUESTER_NODE_URL AGENT_TOKEN REQUESTER_TOKEN TICKET_NUMBER
// Prints one line per check that held; exits non-zero with the reason at the first that did not.
import { chromium } from "playwright-core";

const [agentNode, requesterNode, agentToken, requesterToken, number] = process.argv.slice(2);
const seconds = 20_000;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ["--no-sandbox"] });

async function openConsole(node, token) {
  const page = await browser.newPage();
  page.on("pageerror", (error) => console.log(`page error: ${error.message}`));
  await page.goto(new URL("/console/", node).href);
  await page.fill("#token", token);
  await page.fill("#number", number);
  await page.click("#open button");
  try {
    await page.waitForFunction((n) => document.querySelector("#status").textContent === `Live: ${n}`, number, { timeout: seconds });
  } catch (error) {
    throw new Error(`the page on ${node} did not go live; its status: ${await page.textContent("#status")}`);
  }
  return page;
}

async function post(node, token, content, visibility = "PUBLIC") {
  const response = await fetch(new URL(`/api/tickets/${number}/messages`, node), {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ content, visibility }),
  });
  if (response.status !== 201) throw new Error(`posting a message: ${response.status} ${await response.text()}`);
}

const shows = (page, selector, text) =>
  page.waitForFunction(([s, t]) => document.querySelector(s).textContent.includes(t), [selector, text], { timeout: seconds });

try {
  const agent = await openConsole(agentNode, agentToken);
  console.log("agent page live");

  const question = `Question ${Date.now()}`;
  await post(requesterNode, requesterToken, question);
  await shows(agent, "#messages", question);
  console.log("a message posted through REST appeared on the agent's page");

  const requester = await openConsole(requesterNode, requesterToken);
  await shows(agent, "#viewers", "console-requester");
  console.log("the agent's page lists the requester among the viewers");

  await requester.type("#content", "typing a reply");
  await shows(agent, "#typing", "console-requester");
  console.log("the agent's page shows the requester typing");

  const note = `Internal note ${Date.now()}`;
  await agent.check("#internal");
  await agent.fill("#content", note);
  await agent.click("#compose button");
  await shows(agent, "#messages", note);
  const barrier = `Barrier ${Date.now()}`;
  await post(requesterNode, requesterToken, barrier);
  await shows(requester, "#messages", barrier);
  const leaked = await requester.evaluate((t) => document.body.textContent.includes(t), note);
  if (leaked) throw new Error("the internal note reached the requester's page");
  console.log("an internal note sent from the agent's page reached only the agent's page");
  console.log("CONSOLE OK");
} catch (error) {
  console.log(`CONSOLE FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
