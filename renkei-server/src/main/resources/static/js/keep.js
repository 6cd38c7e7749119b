// Forms that never lose work. What a person types into a form with free text (a report, a 続報,
// an advisory, a comment) is kept in this browser tab (sessionStorage: this tab only, gone when it
// closes) until the hub has taken it: after an expired session, a lost connection or a page left
// by mistake, the form offers to put the text back. Kept per person (another sign-in in the same
// tab drops it) and cleared on sign-out. Passwords, files, hidden fields and the CSRF token are
// never kept. A form opts out with data-keep="off". Texts come from the script element's data-*.
(function () {
  'use strict';
  var PREFIX = 'renkei.keep:';
  var script = document.currentScript;
  var text = {
    kept: (script && script.dataset.kept) || 'Unsent input was kept ({0}).',
    restore: (script && script.dataset.restore) || 'Restore',
    discard: (script && script.dataset.discard) || 'Discard'
  };
  var store;
  try {
    store = window.sessionStorage;
    store.getItem(PREFIX);
  } catch (e) {
    return; // storage disabled: the page works as before
  }

  var who = document.getElementById('who');
  var me = who ? who.getAttribute('data-login') : null;
  var errorPage = document.getElementById('error-message') !== null;

  function keyOf(form) {
    return PREFIX + new URL(form.getAttribute('action') || location.pathname, location.href).pathname;
  }

  function keptFields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      if (!el.name || el.name === '_csrf' || el.disabled) return false;
      var t = (el.type || '').toLowerCase();
      return ['password', 'file', 'hidden', 'submit', 'button', 'reset', 'image'].indexOf(t) < 0;
    });
  }

  function isKept(form) {
    if ((form.getAttribute('method') || '').toLowerCase() !== 'post') return false;
    if (form.getAttribute('data-keep') === 'off') return false;
    if (form.querySelector('input[type=password]')) return false;
    return form.querySelector('textarea') !== null;
  }

  function snapshot(form) {
    var values = {};
    var typed = false;
    keptFields(form).forEach(function (el) {
      var list = values[el.name] || (values[el.name] = []);
      var t = (el.type || '').toLowerCase();
      if (t === 'checkbox' || t === 'radio') {
        if (el.checked) list.push(el.value);
      } else if (el.tagName === 'SELECT' && el.multiple) {
        Array.prototype.forEach.call(el.selectedOptions, function (o) { list.push(o.value); });
      } else {
        list.push(el.value);
        if (el.tagName !== 'SELECT' && el.value.trim() !== '') typed = true;
      }
    });
    return { values: values, typed: typed };
  }

  function apply(form, values) {
    var seen = {};
    keptFields(form).forEach(function (el) {
      var list = values[el.name];
      if (!list) return;
      var t = (el.type || '').toLowerCase();
      if (t === 'checkbox' || t === 'radio') {
        el.checked = list.indexOf(el.value) >= 0;
      } else if (el.tagName === 'SELECT' && el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) { o.selected = list.indexOf(o.value) >= 0; });
      } else {
        var i = seen[el.name] || 0;
        seen[el.name] = i + 1;
        if (i < list.length) el.value = list[i];
      }
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  function read(key) {
    try {
      return JSON.parse(store.getItem(key));
    } catch (e) {
      return null;
    }
  }

  function save(form) {
    // a save pending when the sign-out was pressed would otherwise run while the sign-out request
    // is still on its way, after everything was cleared (seen under load: text kept after sign-out)
    if (signingOut) return;
    var s = snapshot(form);
    if (!s.typed) {
      store.removeItem(keyOf(form));
      return;
    }
    store.setItem(keyOf(form), JSON.stringify({
      owner: me, savedAt: new Date().toISOString(), values: s.values
    }));
  }

  var forms = Array.prototype.filter.call(document.forms, isKept);
  var signingOut = false; // set on sign-out: nothing is kept after it, not even a pending save
  // Any form posting to the same place counts as the same form again: a validation error, or a
  // confirmation step (the advisory's recipients) that carries the text on in hidden fields.
  var onPage = {};
  Array.prototype.forEach.call(document.forms, function (f) {
    if ((f.getAttribute('method') || '').toLowerCase() === 'post') onPage[keyOf(f)] = true;
  });

  // Entries of another person go. The page right after a submission tells how it went: another
  // page of the signed-in person means the hub took the form (its entry goes); the sign-in page,
  // an error page or a form posting to the same place (a validation error, a confirmation step)
  // mean it did not (the entry stays).
  var SUBMITTED = PREFIX + '~submitted';
  var submitted = store.getItem(SUBMITTED);
  store.removeItem(SUBMITTED);
  for (var i = store.length - 1; i >= 0; i--) {
    var key = store.key(i);
    if (!key || key.indexOf(PREFIX) !== 0) continue;
    var entry = read(key);
    if (!entry || (me && entry.owner !== me)) {
      store.removeItem(key);
    } else if (key === submitted && me && !errorPage && !onPage[key]) {
      store.removeItem(key);
    }
  }

  forms.forEach(function (form) {
    var key = keyOf(form);
    var entry = read(key);
    if (entry && me && JSON.stringify(snapshot(form).values) !== JSON.stringify(entry.values)) {
      offer(form, key, entry);
    }
    var timer = null;
    var later = function () {
      clearTimeout(timer);
      timer = setTimeout(function () { timer = null; save(form); }, 300);
    };
    form.addEventListener('input', later);
    form.addEventListener('change', later);
    // a page left within the pause (a link, the back button) still keeps the last keystrokes
    window.addEventListener('pagehide', function () {
      if (timer !== null && !signingOut) {
        clearTimeout(timer);
        timer = null;
        save(form);
      }
    });
    form.addEventListener('submit', function () {
      clearTimeout(timer);
      timer = null;
      save(form);
      store.setItem(SUBMITTED, key);
    });
  });

  // the hub's display zone, as the server writes every time: 2026-12-03 00:00 JST
  function hubTime(at) {
    var zone = (script && script.dataset.zone) || 'Asia/Tokyo';
    var name = (script && script.dataset.zoneName) || 'JST';
    try {
      var p = {};
      new Intl.DateTimeFormat('en-CA', {
        timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
      }).formatToParts(at).forEach(function (x) { p[x.type] = x.value; });
      return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute + ' ' + name;
    } catch (e) {
      return at.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    }
  }

  function offer(form, key, entry) {
    var box = document.createElement('div');
    box.className = 'alert keep-offer';
    box.id = 'keep-offer';
    box.setAttribute('role', 'status');
    var at = new Date(entry.savedAt);
    var when = isNaN(at) ? '' : hubTime(at);
    var p = document.createElement('span');
    p.textContent = text.kept.replace('{0}', when) + ' ';
    var restore = document.createElement('button');
    restore.type = 'button';
    restore.id = 'keep-restore';
    restore.textContent = text.restore;
    restore.addEventListener('click', function () {
      apply(form, entry.values);
      box.remove();
    });
    var discard = document.createElement('button');
    discard.type = 'button';
    discard.id = 'keep-discard';
    discard.textContent = text.discard;
    discard.addEventListener('click', function () {
      store.removeItem(key);
      box.remove();
    });
    box.appendChild(p);
    box.appendChild(restore);
    box.appendChild(document.createTextNode(' '));
    box.appendChild(discard);
    form.parentNode.insertBefore(box, form);
  }

  // Another form posting to the same place (the confirmation step) hands the kept text on: its
  // submission is judged by the page that follows, like the form's own.
  Array.prototype.forEach.call(document.forms, function (f) {
    if (isKept(f) || (f.getAttribute('method') || '').toLowerCase() !== 'post') return;
    f.addEventListener('submit', function () {
      if (store.getItem(keyOf(f)) !== null) store.setItem(SUBMITTED, keyOf(f));
    });
  });

  // Signing out clears everything kept in this tab.
  Array.prototype.forEach.call(document.forms, function (f) {
    if (/\/logout$/.test(new URL(f.getAttribute('action') || '', location.href).pathname)) {
      f.addEventListener('submit', function () {
        signingOut = true;
        for (var j = store.length - 1; j >= 0; j--) {
          var k = store.key(j);
          if (k && k.indexOf(PREFIX) === 0) store.removeItem(k);
        }
      });
    }
  });
})();
