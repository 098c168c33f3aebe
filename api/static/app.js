// foramen web page: posts the pasted report to /v1/extract and shows the ReportResult.
// Every piece of report or result text goes into the page with textContent, never innerHTML.
"use strict";

const LEVEL_ORDER = ["C1-C2", "C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1"];
const SIDES = ["left", "right", "unspecified"];
const CATEGORY_LABELS = {
  red_flag_workup: "Red-flag work-up",
  urgent_surgical_review: "Urgent surgical review",
  surgical_review: "Surgical review",
  injection_candidate: "Injection candidate",
  conservative_care: "Conservative care",
  no_foraminal_stenosis: "No foraminal stenosis",
};
const TYPE_LABELS = {
  foraminal_stenosis: "Foraminal stenosis",
  canal_stenosis: "Canal stenosis",
  cord_compression: "Cord compression",
  cord_contact: "Cord contact",
  cord_signal_abnormality: "Cord signal abnormality",
  nerve_root_compression: "Nerve root compression",
  nerve_root_contact: "Nerve root contact",
  red_flag: "Red flag",
  level_normal: "Level normal",
  assessment_limited: "Assessment limited",
  foramen_widened: "Foramen enlarged",
  canal_widened: "Canal expanded",
};
// which finding type colours a stretch of text covered by several findings
const TYPE_PRIORITY = [
  "red_flag", "cord_signal_abnormality", "cord_compression", "foraminal_stenosis",
  "canal_stenosis", "nerve_root_compression", "cord_contact", "nerve_root_contact",
  "level_normal", "assessment_limited", "foramen_widened", "canal_widened",
];
const TRI_FIELDS = [
  ["radicular_symptoms", "Radicular symptoms"],
  ["prior_tfesi", "Prior transforaminal injection"],
  ["intractable_pain", "Intractable pain"],
  ["progressive_motor_deficit", "Progressive motor deficit"],
  ["progressive_sensory_deficit", "Progressive sensory deficit"],
  ["severe_motor_deficit", "Severe motor deficit"],
  ["myelopathic_signs", "Myelopathic signs"],
  ["functional_limitation", "Functional limitation"],
];
const EXAMPLE = [
  "MRI CERVICAL SPINE WITHOUT CONTRAST",
  "HISTORY: Left arm pain and paresthesias.",
  "FINDINGS:",
  "Alignment is normal. No fracture. Marrow signal is normal. The cord is normal in signal.",
  "C2-C3: No disc bulge. The neural foramina are patent.",
  "C3-C4: Mild disc bulge. No canal stenosis. Possible mild right foraminal narrowing.",
  "C4-C5: Disc osteophyte complex. Mild canal stenosis. Mild bilateral foraminal narrowing.",
  "C5-C6: Broad-based disc osteophyte complex flattens the ventral cord. Moderate canal stenosis. Severe left and moderate right neural foraminal narrowing.",
  "C6-C7: Small disc bulge. No significant canal or foraminal stenosis.",
  "C7-T1: Normal.",
  "IMPRESSION:",
  "1. C5-C6 disc osteophyte complex with moderate canal stenosis, cord flattening and severe left foraminal narrowing.",
  "2. No evidence of fracture.",
].join("\n");

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function label(map, value) {
  return map[value] || String(value).replace(/_/g, " ");
}

// ---- form -> request -------------------------------------------------------------------

function buildTriFields() {
  const holder = $("tri-fields");
  for (const [name, text] of TRI_FIELDS) {
    const id = "tri-" + name.replace(/_/g, "-");
    const select = el("select", { id, name },
      el("option", { value: "" }, "Not known"),
      el("option", { value: "true" }, "Yes"),
      el("option", { value: "false" }, "No"));
    holder.append(el("div", { class: "field" }, el("label", { for: id }, text), select));
  }
}

function clinicalContext(form) {
  const ctx = {};
  const checked = (name) =>
    Array.from(form.querySelectorAll(`input[name="${name}"]:checked`), (i) => i.value);
  const sides = checked("symptom_sides");
  if (sides.length) ctx.symptom_sides = sides;
  const flags = checked("red_flag_history");
  if (flags.length) ctx.red_flag_history = flags;
  const roots = form.elements.roots.value.split(/[\s,;]+/).filter(Boolean);
  if (roots.length) ctx.roots = roots;
  for (const name of ["symptom_duration_weeks", "conservative_care_weeks", "age"]) {
    const value = form.elements[name].value.trim();
    if (value !== "") ctx[name] = Number(value);
  }
  for (const [name] of TRI_FIELDS) {
    const value = form.elements[name].value;
    if (value !== "") ctx[name] = value === "true";
  }
  if (form.elements.tfesi_response.value) ctx.tfesi_response = form.elements.tfesi_response.value;
  return Object.keys(ctx).length ? ctx : null;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = false;
}

function clearMessages() {
  $("error").hidden = true;
  $("error").textContent = "";
  $("status").textContent = "";
}

async function submit(form) {
  clearMessages();
  const text = form.elements.text.value;
  if (!text.trim()) {
    showError("Paste a report first: the text is empty.");
    form.elements.text.focus();
    return;
  }
  const payload = { text, id: form.elements.id.value.trim() || null, clinical: clinicalContext(form) };
  const headers = { "Content-Type": "application/json" };
  const key = form.elements.api_key.value;
  if (key) headers["X-API-Key"] = key;
  const button = $("submit");
  button.disabled = true;
  $("status").textContent = "Reading the report…";
  try {
    const response = await fetch("/v1/extract", {
      method: "POST", headers, body: JSON.stringify(payload), credentials: "same-origin",
    });
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      const reason = body && body.error ? body.error.message : `HTTP ${response.status}`;
      showError(`The service could not read this report: ${reason}`);
      $("status").textContent = "";
      return;
    }
    renderResult(body, text);
    $("status").textContent = "Result ready: " + label(CATEGORY_LABELS, body.pathway.category) + ".";
  } catch (_) {
    showError("The service could not be reached. Check that it is running and try again.");
    $("status").textContent = "";
  } finally {
    button.disabled = false;
  }
}

// ---- result -> page --------------------------------------------------------------------

function renderResult(result, text) {
  const section = $("results");
  section.replaceChildren(
    renderPathway(result, text),
    renderSummary(result),
    renderGrid(result),
    renderReport(result, text),
    renderFindings(result),
    renderJson(result),
  );
  section.hidden = false;
}

function severityCell(tag, severity) {
  if (!severity) return el(tag, { class: "sev sev-absent" }, "—");
  return el(tag, { class: "sev sev-" + severity }, severity);
}

function renderGrid(result) {
  const foraminal = result.foraminal_stenosis || {};
  const canal = result.canal_stenosis || {};
  const cordLevels = new Set((result.cord && result.cord.compression_levels) || []);
  const levels = LEVEL_ORDER.filter((l) => l in foraminal || l in canal || cordLevels.has(l));
  const sides = SIDES.filter((s) => s !== "unspecified" ||
    Object.values(foraminal).some((cell) => "unspecified" in cell));
  const wrap = el("section", { class: "card", "aria-labelledby": "grid-title" },
    el("h2", { id: "grid-title" }, "Level × side"));
  if (!levels.length) {
    wrap.append(el("p", {}, "No cervical level was discussed."));
    return wrap;
  }
  const head = el("tr", {}, el("th", { scope: "col" }, "Level"),
    ...sides.map((s) => el("th", { scope: "col" }, "Foramen " + s)),
    el("th", { scope: "col" }, "Canal"), el("th", { scope: "col" }, "Cord"));
  const rows = levels.map((level) => {
    const cell = foraminal[level] || {};
    return el("tr", { "data-level": level },
      el("th", { scope: "row" }, level),
      ...sides.map((s) => {
        const td = severityCell("td", cell[s]);
        td.dataset.side = s;
        return td;
      }),
      (() => { const td = severityCell("td", canal[level]); td.dataset.side = "canal"; return td; })(),
      el("td", { class: cordLevels.has(level) ? "cord-compressed" : "" },
        cordLevels.has(level) ? "compression" : "—"));
  });
  const table = el("table", { id: "grid", class: "grid" },
    el("caption", {}, "Neural foraminal and canal stenosis, worst severity stated per level"),
    el("thead", {}, head), el("tbody", {}, ...rows));
  wrap.append(table, renderSeverityLegend());
  return wrap;
}

function renderSeverityLegend() {
  const items = ["none", "mild", "mild-moderate", "moderate", "moderate-severe", "severe", "unspecified"];
  return el("p", { class: "legend" }, "Severity: ",
    ...items.map((s) => el("span", { class: "sev sev-" + s }, s)));
}

function sliceByCodePoints(points, start, end) {
  return points.slice(start, end).join("");
}

function renderPathway(result, text) {
  const pathway = result.pathway;
  const points = Array.from(text);
  const rationale = pathway.rationale || [];
  // the pathway engine always ends the rationale with the decision-support disclaimer
  const disclaimer = rationale.length ? rationale[rationale.length - 1] : "";
  const card = el("section", { class: "card pathway cat-" + pathway.category, "aria-labelledby": "pathway-title" },
    el("h2", { id: "pathway-title" }, "Pathway"),
    el("p", { class: "category" },
      el("span", { id: "pathway-category" }, label(CATEGORY_LABELS, pathway.category)),
      " ", el("code", {}, pathway.category)));
  if (rationale.length > 1) {
    card.append(el("h3", {}, "Rationale"),
      el("ul", { class: "rationale" }, ...rationale.slice(0, -1).map((r) => el("li", {}, r))));
  }
  if (pathway.candidate_sites && pathway.candidate_sites.length) {
    card.append(el("p", {}, "Candidate sites: " + pathway.candidate_sites.map(siteText).join("; ")));
  }
  if (pathway.flags && pathway.flags.length) {
    card.append(el("h3", {}, "Flags"));
    const list = el("ol", { class: "flags", id: "pathway-flags" });
    for (const flag of pathway.flags) {
      const item = el("li", {},
        el("p", {}, el("strong", { class: "rule" }, flag.rule), " → ",
          label(CATEGORY_LABELS, flag.category)),
        el("p", {}, flag.rationale));
      if (flag.sites && flag.sites.length) {
        item.append(el("p", {}, "Sites: " + flag.sites.map(siteText).join("; ")));
      }
      if (flag.evidence && flag.evidence.length) {
        item.append(el("p", {}, "Evidence:"), el("ul", { class: "evidence" },
          ...flag.evidence.map(([s, e]) => el("li", {}, el("q", {}, sliceByCodePoints(points, s, e).trim())))));
      }
      list.append(item);
    }
    card.append(list);
  }
  for (const note of pathway.safety_notes || []) card.append(el("p", { class: "safety" }, note));
  card.append(el("p", { class: "disclaimer", id: "disclaimer" }, disclaimer));
  return card;
}

function siteText(site) {
  return `${site.level} ${site.side}` + (site.exiting_root ? ` (${site.exiting_root} root)` : "");
}

function renderSummary(result) {
  const dl = el("dl", { class: "summary" });
  const add = (term, value, cls) => dl.append(el("dt", {}, term), el("dd", cls ? { class: cls } : {}, value));
  add("Modality", result.modality);
  add("Regions", (result.regions || []).join(", ") || "—");
  add("Red flags", (result.red_flags || []).join(", ") || "none", result.red_flags.length ? "alarm" : "");
  add("Cord compression", (result.cord.compression_levels || []).join(", ") || "none");
  add("Cord signal abnormality", result.cord.signal_abnormality ? "yes" : "no",
    result.cord.signal_abnormality ? "alarm" : "");
  add("Clinical context", result.pathway.clinical_context_used ? "used for the pathway" : "none given");
  const card = el("section", { class: "card", "aria-labelledby": "summary-title" },
    el("h2", { id: "summary-title" }, "Summary" + (result.id ? " — " + result.id : "")), dl);
  if (result.warnings && result.warnings.length) {
    card.append(el("ul", { class: "warnings" }, ...result.warnings.map((w) => el("li", {}, "Warning: " + w))));
  }
  return card;
}

function findingWords(f) {
  const parts = [label(TYPE_LABELS, f.type)];
  if (f.level) parts.push(f.level);
  if (f.side) parts.push(f.side);
  if (f.severity) parts.push(f.severity);
  if (f.label) parts.push(f.label.replace(/_/g, " "));
  if (f.negated) parts.push("negated");
  if (f.uncertain) parts.push("uncertain");
  if (f.historical) parts.push("historical");
  return parts.join(", ");
}

function renderReport(result, text) {
  const points = Array.from(text);
  const findings = (result.findings || []).filter((f) => f.end > f.start && f.end <= points.length);
  const cuts = new Set([0, points.length]);
  for (const f of findings) { cuts.add(f.start); cuts.add(f.end); }
  const bounds = Array.from(cuts).sort((a, b) => a - b);
  const body = el("div", { class: "report", id: "report-view" });
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [start, end] = [bounds[i], bounds[i + 1]];
    const piece = sliceByCodePoints(points, start, end);
    const covering = findings.filter((f) => f.start <= start && f.end >= end);
    if (!covering.length) {
      body.append(piece);
      continue;
    }
    covering.sort((a, b) => TYPE_PRIORITY.indexOf(a.type) - TYPE_PRIORITY.indexOf(b.type));
    const negated = covering.every((f) => f.negated);
    const uncertain = !negated && covering.some((f) => f.uncertain && !f.negated);
    const classes = ["hl", "t-" + covering[0].type];
    if (negated) classes.push("negated");
    if (uncertain) classes.push("uncertain");
    // trailing whitespace (a span may end with the line break) stays outside the mark and tags
    const shown = piece.replace(/\s+$/, "");
    body.append(el("mark", { class: classes.join(" "), title: covering.map(findingWords).join(" | ") }, shown));
    // a visible word for negated / uncertain findings that end here (not colour alone)
    const ending = findings.filter((f) => f.end === end);
    const tags = new Set();
    for (const f of ending) {
      if (f.negated) tags.add("negated");
      else if (f.uncertain) tags.add("uncertain");
    }
    for (const tag of tags) body.append(el("span", { class: "tag tag-" + tag }, tag));
    body.append(piece.slice(shown.length));
  }
  const present = Array.from(new Set(findings.map((f) => f.type)))
    .sort((a, b) => TYPE_PRIORITY.indexOf(a) - TYPE_PRIORITY.indexOf(b));
  const legend = el("p", { class: "legend" }, "Highlights: ",
    ...present.map((t) => el("mark", { class: "hl t-" + t }, label(TYPE_LABELS, t))),
    el("mark", { class: "hl negated" }, "negated"), el("span", { class: "tag tag-negated" }, "negated"),
    " ", el("mark", { class: "hl uncertain" }, "uncertain"), el("span", { class: "tag tag-uncertain" }, "uncertain"));
  return el("section", { class: "card", "aria-labelledby": "report-title" },
    el("h2", { id: "report-title" }, "Report"), legend, body);
}

function renderFindings(result) {
  const columns = ["type", "level", "side", "severity", "negated", "uncertain", "historical", "change", "section", "text"];
  const head = el("tr", {}, ...columns.map((c) => el("th", { scope: "col" }, c)));
  const rows = (result.findings || []).map((f) => el("tr", {
    class: [f.negated ? "negated" : "", f.uncertain ? "uncertain" : ""].join(" ").trim(),
  }, ...columns.map((c) => {
    const v = f[c];
    const shown = c === "type" ? label(TYPE_LABELS, v)
      : typeof v === "boolean" ? (v ? "yes" : "no") : (v === null || v === undefined ? "—" : String(v));
    return el("td", {}, shown);
  })));
  return el("section", { class: "card" },
    el("details", {}, el("summary", {}, `All findings (${rows.length})`),
      el("div", { class: "scroll" }, el("table", { class: "findings" },
        el("thead", {}, head), el("tbody", {}, ...rows)))));
}

function renderJson(result) {
  return el("section", { class: "card" },
    el("details", {}, el("summary", {}, "Result JSON"),
      el("pre", { class: "json" }, JSON.stringify(result, null, 2))));
}

// ---- wiring ----------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  buildTriFields();
  const form = $("extract-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(form);
  });
  $("report-text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit(form);
    }
  });
  $("load-example").addEventListener("click", () => {
    form.elements.text.value = EXAMPLE;
    form.elements.text.focus();
  });
  $("clear").addEventListener("click", () => {
    form.reset();
    clearMessages();
    $("results").hidden = true;
    $("results").replaceChildren();
    form.elements.text.focus();
  });
  fetch("/v1/version").then((r) => (r.ok ? r.json() : null)).then((v) => {
    if (v) $("version").textContent = `${v.version} (rules ${v.ruleset_sha256.slice(0, 12)})`;
  }).catch(() => {});
});
