// Progressive enhancement of the report form: without this script the form posts
// application/x-www-form-urlencoded and the API answers with a page; with it, the report goes
// as JSON, errors appear next to their fields, and the reference number, the time of receipt and
// the next steps are shown in place.
(function () {
  'use strict';
  var form = document.getElementById('report');
  if (!form || !window.fetch) { return; }
  var LISTS = ['scammer.phoneNumbers', 'scammer.websites', 'scammer.emails', 'scammer.names', 'scammer.walletAddresses',
    'loss.paymentMethods'];
  var FLAGS = ['reporter.contactConsent', 'reporter.lawEnforcementContactConsent'];
  var idempotencyKey = newKey();

  function newKey() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + '-' + Math.random().toString(36).slice(2);
  }

  function set(target, path, value) {
    var parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
    for (var i = 0; i < parts.length - 1; i++) {
      var key = /^\d+$/.test(parts[i]) ? Number(parts[i]) : parts[i];
      if (target[key] === undefined) { target[key] = /^\d+$/.test(parts[i + 1]) ? [] : {}; }
      target = target[key];
    }
    target[parts[parts.length - 1]] = value;
  }

  // the browser's own date picker where it has one: it shows dates in the person's format and sends
  // ISO 8601. Where it has none (and without this script) the field stays text, the format under the
  // label says how to write the date, and it is sent as ISO 8601 when it reads as a date that way.
  var date = document.getElementById('incidentDate');
  date.type = 'date';
  if (date.type === 'date') {
    document.getElementById('hint-incidentDate').hidden = true;
    date.setAttribute('aria-describedby', 'err-incidentDate');
  }

  function isoDate(text) {
    var m = /^\s*(\d{1,2})\s*[.\/-]\s*(\d{1,2})\s*[.\/-]\s*(\d{4})\s*$/.exec(text);
    if (date.type === 'date' || !m) { return text; }
    var country = form.elements.country.value;
    var monthFirst = document.documentElement.lang === 'en' && (!country || country === 'US');
    var day = Number(monthFirst ? m[2] : m[1]), month = Number(monthFirst ? m[1] : m[2]);
    var d = new Date(Date.UTC(Number(m[3]), month - 1, day));
    return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d.toISOString().slice(0, 10) : text;
  }

  function toReport(data) {
    var report = {};
    data.forEach(function (value, name) {
      if (value === '') { return; }
      if (name === 'incidentDate') { value = isoDate(value); }
      if (LISTS.indexOf(name) >= 0) {
        var list = name.split('.').reduce(function (o, k) { return o && o[k]; }, report) || [];
        list.push(value);
        set(report, name, list);
      } else if (FLAGS.indexOf(name) >= 0) {
        set(report, name, value === 'true');
      } else {
        set(report, name, value);
      }
    });
    if (report.scammer && report.scammer.remoteAccessTools) {
      report.scammer.remoteAccessTools = report.scammer.remoteAccessTools.filter(function (t) { return t && t.tool; });
      if (!report.scammer.remoteAccessTools.length) { delete report.scammer.remoteAccessTools; }
    }
    return report;
  }

  // Victims often got several numbers, sites, IDs and wallets: the page offers two of each, and
  // with this script an "add another" button per group copies its last field (or tool/ID pair).
  function addButtons() {
    Array.prototype.forEach.call(form.querySelectorAll('.repeat'), function (group) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'add';
      button.textContent = group.dataset.add;
      button.addEventListener('click', function () {
        var pairs = group.querySelectorAll('.pair');
        var template = pairs.length ? pairs[pairs.length - 1] : group.querySelectorAll('input')[group.querySelectorAll('input').length - 1];
        var copy = template.cloneNode(true);
        var index = pairs.length;
        Array.prototype.forEach.call(copy.tagName === 'INPUT' ? [copy] : copy.querySelectorAll('input'), function (input) {
          input.value = '';
          input.removeAttribute('aria-invalid');
          input.id = input.id.replace(/-\d+$/, '') + '-' + (group.querySelectorAll('input').length + 1);
          input.name = input.name.replace(/\[\d+\]/, '[' + index + ']');
        });
        Array.prototype.forEach.call(copy.querySelectorAll('label'), function (label) { label.remove(); });
        template.parentNode.insertBefore(copy, template.nextSibling);
        (copy.tagName === 'INPUT' ? copy : copy.querySelector('input')).focus();
      });
      group.insertBefore(button, group.querySelector('.error'));
    });
  }
  addButtons();

  function clearErrors() {
    Array.prototype.forEach.call(form.querySelectorAll('.error'), function (e) { e.hidden = true; e.textContent = ''; });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (e) { e.removeAttribute('aria-invalid'); });
    var summary = document.getElementById('summary');
    summary.hidden = true;
    summary.querySelector('ul').innerHTML = '';
  }

  function elementFor(field) {
    var name = field.replace(/\[\d+\]$/, '');
    var index = /\[(\d+)\]$/.exec(field);
    if (index && LISTS.indexOf(name) >= 0) {
      // the n-th non-empty field of the list, as toReport sent it
      var filled = Array.prototype.filter.call(form.querySelectorAll('[name="' + name + '"]'), function (i) { return i.value !== ''; });
      if (filled[Number(index[1])]) { return filled[Number(index[1])]; }
    }
    return form.querySelector('[name="' + name + '"]') || form.querySelector('[name="' + field + '"]') ||
      form.querySelector('[name^="' + name.split('.')[0] + '."]');
  }

  function showErrors(errors) {
    var summary = document.getElementById('summary');
    var list = summary.querySelector('ul');
    var first = null;
    errors.forEach(function (error) {
      var input = elementFor(error.field);
      var slot = input ? document.getElementById((input.getAttribute('aria-describedby') || '').split(' ').pop()) : null;
      if (!slot) { slot = document.getElementById('err-' + error.field.split('.')[0]); }
      if (slot) { slot.textContent = error.message; slot.hidden = false; }
      if (input) { input.setAttribute('aria-invalid', 'true'); first = first || input; }
      var item = document.createElement('li');
      item.textContent = error.message;
      list.appendChild(item);
    });
    summary.hidden = false;
    (first || summary).focus();
  }

  // the time of receipt in the person's own format: the browser's locale if it is of the page's language
  function showReceived(receivedAt) {
    var slot = document.getElementById('received');
    var lang = document.documentElement.lang;
    var locale = (navigator.language || '').toLowerCase().indexOf(lang) === 0 ? navigator.language : lang;
    var when = new Date(receivedAt);
    if (isNaN(when.getTime())) { return; }
    slot.textContent = slot.dataset.label + ': ' + when.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' });
    slot.hidden = false;
  }

  // what to do now, as the API answered it: each step's text and its places (web pages, numbers)
  function showNextSteps(steps) {
    var list = document.getElementById('next-steps');
    list.textContent = '';
    steps.forEach(function (step) {
      var item = document.createElement('li');
      item.dataset.code = step.code;
      item.appendChild(document.createTextNode(step.text));
      if (step.links && step.links.length) {
        var links = document.createElement('ul');
        links.className = 'links';
        step.links.forEach(function (link) {
          if (!/^(https:\/\/|tel:)/.test(link.url)) { return; }
          var a = document.createElement('a');
          a.href = link.url;
          a.textContent = link.label;
          var li = document.createElement('li');
          li.appendChild(a);
          links.appendChild(li);
        });
        item.appendChild(links);
      }
      list.appendChild(item);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors();
    var status = document.getElementById('status');
    status.textContent = form.dataset.sending;
    fetch(form.action, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json',
        'Accept-Language': document.documentElement.lang,
        'Idempotency-Key': idempotencyKey
      },
      body: JSON.stringify(toReport(new FormData(form)))
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (result) {
      status.textContent = '';
      if (result.status === 202) {
        idempotencyKey = newKey();
        form.hidden = true;
        document.getElementById('reference').textContent = result.body.reportId;
        showReceived(result.body.receivedAt);
        showNextSteps(result.body.nextSteps || []);
        var thanks = document.getElementById('thanks');
        thanks.hidden = false;
        thanks.focus();
      } else {
        showErrors(result.body.errors || []);
      }
    }).catch(function () {
      status.textContent = form.dataset.failed;
    });
  });
}());
