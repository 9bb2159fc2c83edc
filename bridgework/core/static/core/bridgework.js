// Small progressive enhancements; every page works without this file.
document.addEventListener("click", function (event) {
  const copy = event.target.closest("[data-copy-target]");
  if (copy) {
    const source = document.getElementById(copy.dataset.copyTarget);
    if (source && navigator.clipboard) {
      event.preventDefault();
      navigator.clipboard.writeText(source.value || source.textContent).then(function () {
        copy.textContent = "Copied";
      });
    }
  }
  const print = event.target.closest("[data-print]");
  if (print) { event.preventDefault(); window.print(); }
  const dismiss = event.target.closest("[data-dismiss]");
  if (dismiss) {
    const box = document.getElementById(dismiss.dataset.dismiss);
    if (box) { event.preventDefault(); box.hidden = true; }
  }
});

function bridgeworkEnhance(root) {
  // Buttons that only work with JavaScript (Copy, Print) are hidden in the HTML and shown here.
  root.querySelectorAll(".needs-js[hidden]").forEach(function (el) {
    if (el.hasAttribute("data-copy-target") && !navigator.clipboard) { return; }
    el.hidden = false;
  });

  // Slider: pair each number box (core.widgets.Slider) with a range input; the number box
  // stays visible and editable, and both move together.
  root.querySelectorAll("input[data-slider]").forEach(function (number) {
    if (number.dataset.sliderReady) { return; }
    number.dataset.sliderReady = "1";
    const range = document.createElement("input");
    range.type = "range";
    range.min = number.min || "0";
    range.max = number.max || "100";
    range.step = number.step || "1";
    range.value = number.value === "" ? String(Math.round((+range.min + +range.max) / 2)) : number.value;
    range.tabIndex = -1;  // keyboard users use the number box (arrow keys work there too)
    range.setAttribute("aria-hidden", "true");
    range.className = "slider-range";
    range.addEventListener("input", function () {
      number.value = range.value;
      number.dispatchEvent(new Event("change", { bubbles: true }));
    });
    number.addEventListener("input", function () {
      if (number.value !== "") { range.value = number.value; }
    });
    number.parentNode.insertBefore(range, number);
  });

  // The prepared message can be changed before sending: keep the send links in step.
  root.querySelectorAll("textarea[data-message-for]").forEach(function (box) {
    const container = box.closest(".contact-message") || document;
    box.addEventListener("input", function () {
      container.querySelectorAll(box.dataset.messageFor).forEach(function (link) {
        const href = link.getAttribute("href");
        const at = href.indexOf("body=");
        if (at !== -1) { link.setAttribute("href", href.slice(0, at + 5) + encodeURIComponent(box.value)); }
      });
    });
  });

  // A wide table that scrolls in its own box must be reachable by keyboard.
  root.querySelectorAll(".table-scroll:not([tabindex])").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      const caption = box.querySelector("caption");
      box.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
    }
  });

  // Time zone: a search box that narrows the curated list.
  root.querySelectorAll("select[data-tz-search]").forEach(function (select) {
    if (select.dataset.searchReady) { return; }
    select.dataset.searchReady = "1";
    const search = document.createElement("input");
    search.type = "search";
    search.className = "tz-search";
    search.placeholder = "Search, e.g. London or New York";
    search.setAttribute("aria-label", "Search time zones");
    search.setAttribute("aria-controls", select.id);
    search.autocomplete = "off";
    search.addEventListener("input", function () {
      const words = search.value.trim().toLowerCase();
      let first = null;
      select.querySelectorAll("option").forEach(function (option) {
        const match = !words || option.textContent.toLowerCase().indexOf(words) !== -1
          || option.value.toLowerCase().replace(/_/g, " ").indexOf(words) !== -1;
        option.hidden = !match;
        if (match && !first) { first = option; }
      });
      select.querySelectorAll("optgroup").forEach(function (group) {
        group.hidden = !group.querySelector("option:not([hidden])");
      });
      if (words && first) { select.value = first.value; }
    });
    select.parentNode.insertBefore(search, select);
  });
}

document.addEventListener("DOMContentLoaded", function () {
  bridgeworkEnhance(document);
  // After a server-side error, the summary takes focus so it is read first.
  const summary = document.querySelector("[data-error-summary]");
  if (summary && document.activeElement !== summary) { summary.focus(); }
});
document.addEventListener("htmx:afterSwap", function (event) { bridgeworkEnhance(event.target); });

// Installable and offline: the service worker caches only static files and Get help now.
if ("serviceWorker" in navigator && window.isSecureContext) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  });
}
