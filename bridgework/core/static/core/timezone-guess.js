// Pre-select the browser's own time zone on the welcome form, if the person has not
// chosen one yet. Without JavaScript the list simply starts at UTC.
(function () {
  var select = document.getElementById("id_timezone");
  if (!select || select.value !== "UTC" || !window.Intl) { return; }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && select.querySelector('option[value="' + zone + '"]')) { select.value = zone; }
})();
