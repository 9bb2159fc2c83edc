// Speak up: small enhancements. Every page works without this file.
(function () {
  "use strict";

  // Feeling words become buttons that add the word to the "What I feel" field.
  document.querySelectorAll("[data-feeling-target]").forEach(function (list) {
    var field = document.getElementById(list.dataset.feelingTarget);
    if (!field) { return; }
    list.querySelectorAll("li").forEach(function (item) {
      var word = item.textContent.trim();
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary";
      button.textContent = word;
      button.setAttribute("aria-label", "Add the word " + word);
      button.addEventListener("click", function () {
        var current = field.value.trim();
        field.value = current ? current + ", " + word : word;
        field.focus();
      });
      item.textContent = "";
      item.appendChild(button);
    });
  });

  // Copy buttons (handled by core's script) only appear when scripts run.
  document.querySelectorAll("button[data-copy-target][hidden]").forEach(function (button) {
    if (navigator.clipboard) { button.hidden = false; }
  });

  // The read-aloud timer (the page already says how long it takes without it).
  document.querySelectorAll(".voice-timer").forEach(function (box) {
    var display = box.querySelector(".timer-display");
    var start = box.querySelector('[data-timer="start"]');
    var reset = box.querySelector('[data-timer="reset"]');
    var target = parseInt(box.dataset.seconds, 10) || 0;
    var began = null;
    var tick = null;
    function show() {
      var seconds = began ? Math.floor((Date.now() - began) / 1000) : 0;
      display.textContent = seconds + " s" + (target && seconds >= target ? " — about the right pace" : "");
    }
    function stop() { if (tick) { clearInterval(tick); tick = null; } }
    box.hidden = false;
    start.addEventListener("click", function () {
      if (tick) { stop(); start.textContent = "Start the timer"; return; }
      began = Date.now();
      tick = setInterval(show, 1000);
      start.textContent = "Stop";
      show();
    });
    reset.addEventListener("click", function () { stop(); began = null; start.textContent = "Start the timer"; show(); });
  });
})();
