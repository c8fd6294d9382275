// The signer page's inputs for DISTRICT, DYNAMIC_TABLE and ATTACHMENT controls and the WATERMARK
// drawn over the pages; signer.js asks here first. Text from the server is set with textContent only.
(function () {
  'use strict';

  // 省级行政区: the first part of a DISTRICT's value; city and district are typed after it
  const PROVINCES = ['北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市',
    '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省',
    '广西壮族自治区', '海南省', '重庆市', '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省',
    '宁夏回族自治区', '新疆维吾尔自治区', '台湾省', '香港特别行政区', '澳门特别行政区'];
  const SPACING = { 1: [6, 8], 2: [4, 6], 3: [2, 4] };
  const pending = new Set();

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function button(text, className) {
    const b = el('button', text, className || 'secondary');
    b.type = 'button';
    return b;
  }

  function district(field) {
    const box = el('div', null, 'district');
    const province = el('select');
    province.setAttribute('aria-label', '省 · Province');
    province.appendChild(el('option', ''));
    PROVINCES.forEach((p) => {
      const option = el('option', p);
      option.value = p;
      province.appendChild(option);
    });
    const city = el('input');
    city.placeholder = '市 · City';
    city.setAttribute('aria-label', '市 · City');
    const area = el('input');
    area.placeholder = '区县 · District';
    area.setAttribute('aria-label', '区县 · District');
    const given = field.value || '';
    const start = PROVINCES.find((p) => given.startsWith(p));
    province.value = start || '';
    city.value = start ? given.slice(start.length) : given;
    box.append(province, city, area);
    box.fillValue = () => (province.value + city.value.trim() + area.value.trim());
    return box;
  }

  function table(field) {
    const settings = field.settings || { headers: [], maxRows: 0 };
    const columns = settings.headers.length;
    const box = el('div', null, 'dynamic-table');
    const grid = el('table');
    const head = el('tr');
    settings.headers.forEach((h) => head.appendChild(el('th', h.content)));
    head.appendChild(el('th', ''));
    const body = el('tbody');
    grid.append(el('thead'), body);
    grid.tHead.appendChild(head);
    const add = button('添加一行 · Add row');

    function addRow(values) {
      const row = el('tr');
      for (let c = 0; c < columns; c++) {
        const cell = el('td');
        const input = el('input');
        input.maxLength = 100;
        input.setAttribute('aria-label', settings.headers[c].content);
        input.value = values[c] || '';
        cell.appendChild(input);
        row.appendChild(cell);
      }
      const remove = button('删除 · Remove');
      remove.addEventListener('click', () => { row.remove(); add.disabled = false; });
      const last = el('td');
      last.appendChild(remove);
      row.appendChild(last);
      body.appendChild(row);
      add.disabled = body.rows.length >= settings.maxRows;
    }

    add.addEventListener('click', () => addRow([]));
    existingRows(field.value, columns).forEach(addRow);
    box.append(grid, add);
    box.fillValue = () => {
      const rows = Array.from(body.rows).map((r) => Array.from(r.querySelectorAll('input')).map((i) => i.value.trim()))
        .filter((values) => values.some((v) => v));
      if (!rows.length) return '';
      const cells = [];
      rows.forEach((values, r) => values.forEach((content, c) => {
        if (content) cells.push({ rowStart: r + 1, rowEnd: r + 1, columnStart: c + 1, columnEnd: c + 1, content: content });
      }));
      const value = { headers: settings.headers, rowCount: rows.length, body: { cells: cells } };
      if (settings.headerRowDisplay === false) value.settings = { headerRowDisplay: false };
      return JSON.stringify(value);
    };
    return box;
  }

  // A table filled in before (by the initiator, or an earlier attempt): each cell's text in its first row and column
  function existingRows(value, columns) {
    try {
      const parsed = JSON.parse(value || '');
      const rows = Array.from({ length: parsed.rowCount || 0 }, () => new Array(columns).fill(''));
      ((parsed.body && parsed.body.cells) || []).forEach((cell) => {
        if (rows[cell.rowStart - 1] && cell.columnStart <= columns) rows[cell.rowStart - 1][cell.columnStart - 1] = cell.content;
      });
      return rows;
    } catch (e) {
      return [];
    }
  }

  function attachment(field, api) {
    const settings = field.settings;
    const box = el('div', null, 'attachments');
    const list = el('ul');
    const picker = el('input');
    picker.type = 'file';
    picker.accept = settings.types.join(',');
    picker.multiple = true;
    picker.setAttribute('aria-label', '上传图片 · Upload images');
    const note = el('p', '最多 ' + settings.maxFiles + ' 张 JPG/PNG 图片，每张不超过 ' + Math.round(settings.maxBytes / 1048576)
      + ' MB · Up to ' + settings.maxFiles + ' JPG or PNG images', 'muted');
    const base = api + '/fields/' + encodeURIComponent(field.id) + '/attachments';

    function show(uploaded) {
      const item = el('li');
      item.dataset.attachmentId = uploaded.id;
      const thumb = el('img');
      thumb.alt = uploaded.name;
      thumb.src = base + '/' + encodeURIComponent(uploaded.id);
      const remove = button('删除 · Remove');
      remove.addEventListener('click', async () => {
        const response = await fetch(base + '/' + encodeURIComponent(uploaded.id), { method: 'DELETE', credentials: 'omit' });
        if (response.ok || response.status === 404) item.remove();
        picker.disabled = list.children.length >= settings.maxFiles;
      });
      item.append(thumb, el('span', uploaded.name), remove);
      list.appendChild(item);
      picker.disabled = list.children.length >= settings.maxFiles;
    }

    async function upload(file) {
      if (file.size > settings.maxBytes) { // refused here rather than sent in full to be refused
        const mb = Math.round(settings.maxBytes / 1048576);
        throw new Error(file.name + ': 超过 ' + mb + ' MB · larger than ' + mb + ' MB');
      }
      const response = await fetch(base, {
        method: 'POST',
        headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
        body: file,
        credentials: 'omit',
        cache: 'no-store'
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(file.name + ': ' + (data.detail || data.title || ('Error ' + response.status)));
      show(data);
    }

    picker.addEventListener('change', () => {
      const files = Array.from(picker.files);
      picker.value = '';
      const work = files.reduce((previous, file) => previous.then(() => upload(file)), Promise.resolve());
      pending.add(work);
      failure.hidden = true;
      work.catch((e) => {
        box.dataset.error = e.message;
        failure.textContent = e.message;
        failure.hidden = false;
      }).finally(() => pending.delete(work));
    });
    const failure = el('p', null, 'error');
    failure.hidden = true;
    settings.uploaded.forEach(show);
    box.append(note, picker, failure, list);
    box.fillValue = () => Array.from(list.children).map((li) => li.dataset.attachmentId).join(',');
    return box;
  }

  function watermarks(page, contract, size) {
    page.querySelectorAll('.watermark').forEach((w) => w.remove());
    contract.fields.filter((f) => f.type === 'WATERMARK' && f.value).forEach((f) => {
      const s = f.settings;
      const layer = el('div', null, 'watermark');
      layer.style.opacity = String(s.opacity);
      const scale = 100 / size.width; // pt to % of the page's width
      const place = (x, y) => {
        const text = el('span', f.value);
        text.style.left = (x * scale) + '%';
        text.style.top = (100 * y / size.height) + '%';
        text.style.fontSize = 'calc(' + (s.fontSize * scale) + 'cqw)';
        text.style.transform = 'translate(-50%, -50%) rotate(' + s.rotate + 'deg)';
        layer.appendChild(text);
      };
      const approxWidth = f.value.length * s.fontSize;
      const margin = 24;
      switch (s.position) {
        case 'LeftTop': place(approxWidth / 2 + margin, s.fontSize / 2 + margin); break;
        case 'LeftBottom': place(approxWidth / 2 + margin, size.height - s.fontSize / 2 - margin); break;
        case 'RightTop': place(size.width - approxWidth / 2 - margin, s.fontSize / 2 + margin); break;
        case 'RightBottom': place(size.width - approxWidth / 2 - margin, size.height - s.fontSize / 2 - margin); break;
        case 'Center': place(size.width / 2, size.height / 2); break;
        default: {
          const spacing = SPACING[s.density] || SPACING[2];
          const stepX = approxWidth + spacing[0] * s.fontSize;
          const stepY = spacing[1] * s.fontSize;
          for (let y = stepY / 2, row = 0; y < size.height + stepY / 2; y += stepY, row++) {
            for (let x = row % 2 ? stepX / 2 : 0; x < size.width + stepX / 2; x += stepX) place(x, y);
          }
        }
      }
      page.appendChild(layer);
    });
  }

  window.SignerFillControls = {
    // drawn over the pages rather than filled
    isOverlay: (field) => field.type === 'WATERMARK',
    // an input for the control, or null where signer.js has its own
    input: (field, api) => {
      switch (field.type) {
        case 'DISTRICT': return district(field);
        case 'DYNAMIC_TABLE': return table(field);
        case 'ATTACHMENT': return attachment(field, api);
        default: return null;
      }
    },
    value: (input) => (typeof input.fillValue === 'function' ? input.fillValue() : undefined),
    drawOverlays: watermarks,
    // uploads still under way finish before the page signs; a failed one is reported
    settled: async () => {
      await Promise.allSettled(Array.from(pending));
      const failed = document.querySelector('.attachments[data-error]');
      if (failed) {
        const message = failed.dataset.error;
        delete failed.dataset.error;
        throw new Error(message);
      }
    }
  };
})();
