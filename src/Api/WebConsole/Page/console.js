// The console: paste a token, open a ticket, and watch its conversation, timeline, presence and typing live.
// It renders pushes as they arrive (the hub carries the message itself), and reads REST only to open a ticket
// and to catch up when a push's seq shows a gap.
"use strict";

const page = {
  token: "",
  number: "",
  me: null,
  lastSeq: 0,
  connection: null,
  typers: new Map(),
  lastTypingSent: 0,
};

const $ = (id) => document.getElementById(id);
const say = (text) => { $("status").textContent = text; };
const isStaff = () => page.me && (page.me.role === "AGENT" || page.me.role === "ADMIN");

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { Authorization: `Bearer ${page.token}`, "Content-Type": "application/json", ...(options.headers || {}) },
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(`${response.status} ${problem.code || ""} ${problem.detail || problem.title || ""}`.trim());
  }
  return response.status === 204 ? null : response.json();
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showTicket(ticket) {
  const section = $("ticket");
  section.replaceChildren(
    element("h2", `${ticket.number}: ${ticket.title}`),
    element("p", `${ticket.status} · ${ticket.priority}`, "meta"),
    element("p", ticket.description));
}

function showMessage(message) {
  const id = `message-${message.id}`;
  const item = document.getElementById(id) || $("messages").appendChild(element("li"));
  item.id = id;
  item.className = [message.visibility === "INTERNAL" ? "internal" : "", message.deletedAt ? "deleted" : ""].join(" ").trim();
  const when = new Date(message.editedAt || message.createdAt).toLocaleTimeString();
  item.replaceChildren(
    element("span", message.deletedAt ? "(deleted)" : message.content, "content"),
    element("div", `${message.authorId} · ${when}${message.visibility === "INTERNAL" ? " · internal" : ""}`, "meta"));
}

function showEvent(event) {
  page.lastSeq = Math.max(page.lastSeq, event.seq);
  const id = `event-${event.seq}`;
  if (document.getElementById(id)) return;
  const item = element("li", `#${event.seq} ${event.type}`);
  item.id = id;
  item.appendChild(element("span", ` · ${new Date(event.createdAt).toLocaleTimeString()}`, "meta"));
  $("timeline").appendChild(item);
}

function showViewers(viewers) {
  $("viewers").replaceChildren(...viewers.map((v) => element("li", `${v.name || v.userId} (${v.role})`)));
}

function showTyping() {
  const now = Date.now();
  for (const [userId, typer] of page.typers) if (typer.until < now) page.typers.delete(userId);
  const names = [...page.typers.values()].map((t) => t.name);
  $("typing").textContent = names.length ? `${names.join(", ")} typing…` : "";
}

async function catchUp() {
  let cursor = null;
  do {
    const query = new URLSearchParams({ after: String(page.lastSeq), limit: "100" });
    if (cursor) query.set("cursor", cursor);
    const events = await api(`/api/tickets/${encodeURIComponent(page.number)}/events?${query}`);
    events.items.forEach(showEvent);
    cursor = events.nextCursor;
  } while (cursor);
}

async function received(push) {
  if (push.ticketNumber !== page.number) return;
  if (push.seq > page.lastSeq + 1) await catchUp();
  if (push.event) showEvent(push.event);
  if (push.message) showMessage(push.message);
  if (push.ticket) showTicket(push.ticket);
}

async function loadMessages() {
  let cursor = null;
  do {
    const query = new URLSearchParams({ limit: "100" });
    if (cursor) query.set("cursor", cursor);
    const messages = await api(`/api/tickets/${encodeURIComponent(page.number)}/messages?${query}`);
    messages.items.forEach(showMessage);
    cursor = messages.nextCursor;
  } while (cursor);
}

async function connect() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/tickets", {
      accessTokenFactory: () => page.token,
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
    })
    .withAutomaticReconnect()
    .build();
  for (const name of ["new-message", "message-updated", "message-deleted", "new-attachment", "attachment-deleted", "ticket-event"]) {
    connection.on(name, (push) => received(push).catch((error) => say(`Catching up failed: ${error.message}`)));
  }
  connection.on("presence", (presence) => presence.ticketNumber === page.number && showViewers(presence.viewers));
  connection.on("typing", (typing) => {
    if (typing.ticketNumber !== page.number || typing.userId === page.me.id) return;
    page.typers.set(typing.userId, { name: typing.name || typing.userId, until: Date.now() + 5000 });
    showTyping();
  });
  connection.on("room-closed", (closed) => {
    if (closed.ticketNumber === page.number) say(`This ticket is closed to you (${closed.reason}).`);
  });
  connection.onreconnected(async () => {
    await connection.invoke("JoinTicket", page.number);
    await catchUp();
    say(`Live: ${page.number}`);
  });
  await connection.start();
  return connection;
}

async function open(event) {
  event.preventDefault();
  page.token = $("token").value.trim();
  page.number = $("number").value.trim().toUpperCase();
  try {
    say("Opening…");
    if (page.connection) await page.connection.stop();
    $("messages").replaceChildren();
    $("timeline").replaceChildren();
    $("viewers").replaceChildren();
    page.lastSeq = 0;
    page.me = await api("/api/users/me");
    $("internal-choice").hidden = !isStaff();
    showTicket(await api(`/api/tickets/${encodeURIComponent(page.number)}`));
    page.connection = await connect();
    await page.connection.invoke("JoinTicket", page.number);
    await loadMessages();
    await catchUp();
    $("main").hidden = false;
    say(`Live: ${page.number}`);
  } catch (error) {
    say(`Could not open ${page.number}: ${error.message}`);
  }
}

async function send(event) {
  event.preventDefault();
  const visibility = isStaff() && $("internal").checked ? "INTERNAL" : "PUBLIC";
  try {
    await api(`/api/tickets/${encodeURIComponent(page.number)}/messages`, {
      method: "POST",
      body: JSON.stringify({ content: $("content").value, visibility }),
    });
    $("content").value = "";
  } catch (error) {
    say(`Not sent: ${error.message}`);
  }
}

function typed() {
  const now = Date.now();
  if (!page.connection || now - page.lastTypingSent < 2000) return;
  page.lastTypingSent = now;
  const visibility = isStaff() && $("internal").checked ? "INTERNAL" : "PUBLIC";
  page.connection.invoke("Typing", page.number, visibility).catch(() => {});
}

$("open").addEventListener("submit", open);
$("compose").addEventListener("submit", send);
$("content").addEventListener("input", typed);
setInterval(showTyping, 1000);
