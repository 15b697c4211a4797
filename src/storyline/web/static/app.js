// storyline pages: link a claim to its counterparts, and upload without leaving the page.
// Article content is inserted with textContent only, never as HTML.
"use strict";

function focusGroups(groups) {
  document.querySelectorAll(".focus").forEach((el) => el.classList.remove("focus"));
  if (!groups.length) return;
  document.querySelectorAll(".claim[data-groups]").forEach((el) => {
    const own = el.dataset.groups.split(" ");
    if (own.some((g) => groups.includes(g))) el.classList.add("focus");
  });
  groups.forEach((g) => {
    const row = document.querySelector(`tr[data-group="${CSS.escape(g)}"]`);
    if (row) row.classList.add("focus");
  });
}

function onClaim(event) {
  const claim = event.target.closest(".claim[data-groups]");
  if (!claim) return;
  focusGroups(claim.dataset.groups.split(" ").filter(Boolean));
}

function onClaimLink(event) {
  const link = event.target.closest("a[data-claim]");
  if (!link) return;
  const claim = document.getElementById("claim-" + link.dataset.claim);
  if (claim) focusGroups(claim.dataset.groups.split(" ").filter(Boolean));
}

function showResult(box, lines, ok) {
  box.replaceChildren();
  const list = document.createElement("ul");
  list.className = ok ? "ok" : "error";
  lines.forEach(([text, href]) => {
    const item = document.createElement("li");
    if (href) {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = text;
      item.append(link);
    } else {
      item.textContent = text;
    }
    list.append(item);
  });
  box.append(list);
}

async function onUpload(event) {
  event.preventDefault();
  const form = event.target;
  const box = document.getElementById("upload-result");
  const data = new FormData(form);
  const headers = {};
  const token = data.get("token");
  if (token) headers.Authorization = "Bearer " + token;
  data.delete("token");
  box.textContent = "Reading…";
  try {
    const response = await fetch(form.action, { method: "POST", body: data, headers });
    const body = await response.json();
    if (!response.ok) {
      const error = body.error || response.statusText;
      const file = data.get("file");
      showResult(box, [[file && file.name && !error.includes(file.name) ? `${file.name}: ${error}` : error]], false);
      return;
    }
    const counts = `${body.new} new, ${body.duplicate} already stored, ${body.new_version} new versions`;
    const lines = [[`${counts}, ${body.skipped} skipped, ${body.failed} failed`]];
    body.article_ids.forEach((id) => lines.push([id, "/articles/" + encodeURIComponent(id)]));
    body.stories.forEach((s) => {
      const change = s.started ? "started" : `grew by ${s.added.length}`;
      const size = s.size === 1 ? "1 article" : `${s.size} articles`;
      lines.push([`story ${change} (${size}): ${s.label}`, "/stories/" + encodeURIComponent(s.id)]);
    });
    body.warnings.forEach((w) => lines.push([`warning: ${w.source}: ${w.reason}`]));
    body.skips.forEach((s) => lines.push([`skipped: ${s.source}: ${s.reason}`]));
    body.failures.forEach((f) => lines.push([`${f.source}: ${f.reason}`]));
    showResult(box, lines, true);
  } catch (error) {
    showResult(box, [[String(error)]], false);
  }
}

document.addEventListener("click", onClaim);
document.addEventListener("click", onClaimLink);
document.addEventListener("keydown", (event) => {
  if (event.key === "Enter") onClaim(event);
});
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload");
  if (form) form.addEventListener("submit", onUpload);
});
