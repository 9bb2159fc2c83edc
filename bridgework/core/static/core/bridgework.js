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
  const dismiss = event.target.closest("[data-dismiss]");
  if (dismiss) {
    const box = document.getElementById(dismiss.dataset.dismiss);
    if (box) { event.preventDefault(); box.hidden = true; }
  }
});
