// A−/A+ font size (remembered) and the print button; buttons stay hidden without JavaScript.
(function () {
  var key = 'toa-soan:font', root = document.documentElement;
  document.querySelectorAll('[data-font-step]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var size = Math.max(-1, Math.min(2, (Number(root.dataset.font) || 0) + Number(button.dataset.fontStep)));
      root.dataset.font = String(size);
      try { localStorage.setItem(key, String(size)); } catch (e) {}
    });
  });
  var print = document.querySelector('[data-print]');
  if (print) { print.hidden = false; print.addEventListener('click', function () { window.print(); }); }
})();
