// "Print" buttons (data-print): open the browser's print dialog. Without JavaScript the
// browser's own Print menu does the same.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    event.preventDefault();
    window.print();
  }
});
