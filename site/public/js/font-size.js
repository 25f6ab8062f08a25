// Reader's font size (A−/A+), applied before paint: loaded without defer in <head>.
try { var f = localStorage.getItem('toa-soan:font'); if (f) document.documentElement.dataset.font = f; } catch (e) {}
