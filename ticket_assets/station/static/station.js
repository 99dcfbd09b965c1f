// The review station's keyboard and page view. Keyboard first: Enter saves and opens the next item,
// Tab moves between fields, J and K go to the next and previous item, Esc leaves a field untouched.
"use strict";

function inField(element) {
  return element && ["INPUT", "SELECT", "TEXTAREA"].includes(element.tagName);
}

function follow(id) {
  const link = document.getElementById(id);
  if (link) window.location.assign(link.href);
}

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (inField(target)) {
    if (event.key === "Escape") {
      target.value = target.dataset.original !== undefined ? target.dataset.original : target.defaultValue;
      target.setCustomValidity("");
      target.blur();
      event.preventDefault();
    }
    return;
  }
  const form = document.getElementById("answer");
  if (event.key === "j" || event.key === "J") follow("next");
  else if (event.key === "k" || event.key === "K") follow("previous");
  else if (event.key === "+" || event.key === "=") zoom(1.25);
  else if (event.key === "-") zoom(0.8);
  else if (event.key === "0") zoom(0);
  else if (event.key === "Enter" && form && document.getElementById("save") &&
           (target === document.body || target === document.documentElement)) form.requestSubmit();
  else return;
  event.preventDefault();
}

let scale = 1;
function zoom(factor) {
  const sheet = document.querySelector("svg.sheet");
  if (!sheet) return;
  scale = factor === 0 ? 1 : Math.min(6, Math.max(0.5, scale * factor));
  sheet.style.width = (100 * scale) + "%";
}

function checkVocabulary(input) {
  // Fields with a vocabulary take only its values; the server checks again.
  const list = document.getElementById(input.dataset.vocabulary);
  const allowed = Array.from(list.options).map((option) => option.value);
  const value = input.value.trim().toUpperCase();
  input.setCustomValidity(value === "" || allowed.includes(value) ? "" : "one of: " + allowed.join(", "));
}

function prefetchNext() {
  const link = document.getElementById("prefetch-next");
  if (link) new Image().src = link.href;
}

function pollDayStatus() {
  const status = document.getElementById("day-status");
  if (!status || status.classList.contains("current")) return;
  const timer = setInterval(async () => {
    const response = await fetch("/day/" + status.dataset.day + "/status", {credentials: "same-origin"});
    if (!response.ok) return;
    const state = await response.json();
    status.textContent = state.day + ": " + state.words;
    status.className = state.current ? "current" : "waiting";
    if (state.current) clearInterval(timer);
  }, 3000);
}

document.addEventListener("keydown", onKey);
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input[data-vocabulary]").forEach((input) => {
    input.addEventListener("input", () => checkVocabulary(input));
    input.addEventListener("change", () => { input.value = input.value.trim().toUpperCase(); checkVocabulary(input); });
  });
  document.querySelectorAll("button.suggestion").forEach((button) => button.addEventListener("click", () => {
    const input = document.getElementById(button.dataset.field);
    input.value = button.textContent;
    input.focus();
  }));
  document.querySelectorAll("[data-zoom]").forEach((button) => button.addEventListener("click", () => {
    zoom({in: 1.25, out: 0.8, fit: 0}[button.dataset.zoom]);
  }));
  prefetchNext();
  pollDayStatus();
});
