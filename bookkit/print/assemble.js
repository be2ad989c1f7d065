async (o) => {
    const article = document.querySelector('article.bd-article');
    const here = location.href;
    const folder = new URL('.', here).pathname;
    const own = new Set(o.pages.map(p => p.path));
    const anchor = (stem, id) => stem + '--' + id;
    const chapters = [], sheets = [];
    const linked = new Set([...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href));
    for (const p of o.pages) {
        const url = new URL(p.path, here).href;
        const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
        const body = doc.querySelector('article.bd-article');
        if (!body) throw new Error(p.path + ': no article in the page');
        // the style sheets a page links that the first one does not (KaTeX's, on a page with an equation)
        doc.querySelectorAll('link[rel=stylesheet]').forEach(l => {
            const href = new URL(l.getAttribute('href'), url).href;
            if (linked.has(href)) return;
            linked.add(href);
            const sheet = document.createElement('link');
            sheet.rel = 'stylesheet';
            if (l.media) sheet.media = l.media;
            sheets.push(new Promise((ok, no) => { sheet.onload = ok; sheet.onerror = () => no(new Error(href)); }));
            sheet.href = href;
            document.head.append(sheet);
        });
        body.querySelectorAll('.mb-languages, a.headerlink, script, .mb-question .mb-answer').forEach(e => e.remove());
        body.querySelectorAll('[id]').forEach(e => e.id = anchor(p.stem, e.id));
        body.querySelectorAll('label[for]').forEach(e => e.htmlFor = anchor(p.stem, e.htmlFor));
        body.querySelectorAll('[src]').forEach(e => e.setAttribute('src', new URL(e.getAttribute('src'), url).href));
        body.querySelectorAll('a[href]').forEach(a => {
            const target = new URL(a.getAttribute('href'), url);
            if (target.origin !== location.origin) return;  // the web: as it is
            const file = target.pathname.slice(folder.length);
            if (target.pathname.startsWith(folder) && own.has(file)) {  // a page of this book: inside the PDF
                const stem = file.replace(/[.]html$/, '');
                a.setAttribute('href', '#' + (target.hash ? anchor(stem, target.hash.slice(1)) : 'chapter-' + stem));
            } else {  // another edition, a source file, a slide deck: its published address
                a.setAttribute('href', o.base + target.pathname.slice(1) + target.hash);
            }
        });
        const h1 = body.querySelector('h1');
        if (!h1) throw new Error(p.path + ': no title (h1)');
        const chapter = document.createElement('div');
        chapter.className = 'mb-print-chapter';
        chapter.id = 'chapter-' + p.stem;
        chapter.append(...body.childNodes);
        chapters.push({chapter, title: h1.textContent.trim(), stem: p.stem, part: p.part});
    }
    // explorers: the wide drawing at the start view, and where to move each one
    chapters.forEach(c => c.chapter.querySelectorAll('.mb-explorer').forEach(box => {
        box.querySelectorAll('picture source').forEach(s => s.remove());
        const note = document.createElement('p');
        note.className = 'mb-print-note';
        const where = o.base + o.folder + c.stem + '.html#' + box.id.split('--').pop();
        note.textContent = o.explorer.replace('{url}', where);
        box.querySelector('figure').after(note);
    }));
    article.replaceChildren();
    article.insertAdjacentHTML('beforeend', o.front);
    const contents = article.querySelector('.mb-print-contents ol');
    let part = null;
    chapters.forEach((c, n) => {
        if (c.part !== part) {
            part = c.part;
            contents.insertAdjacentHTML('beforeend', '<li class="mb-part"></li>');
            contents.lastElementChild.textContent = part;
        }
        const item = document.createElement('li');
        item.innerHTML = '<a><span class="mb-entry"></span><span class="mb-page">000</span></a>';
        item.querySelector('a').href = '#chapter-' + c.stem;
        item.querySelector('.mb-entry').textContent = c.title;
        item.querySelector('.mb-page').textContent = o.starts[c.stem] || '000';
        contents.append(item);
        article.append(c.chapter);
    });
    document.querySelectorAll('.bd-footer-content').forEach(f => f.remove());
    document.documentElement.classList.add('mb-print-book');
    const images = [...article.querySelectorAll('img')];
    images.forEach(i => i.loading = 'eager');
    await Promise.all(images.map(i => i.complete ? 0 : new Promise(r => { i.onload = r; i.onerror = r; })));
    const broken = images.filter(i => i.offsetParent !== null && !(i.naturalWidth > 0)).map(i => i.src);
    if (broken.length) throw new Error('images that did not load: ' + broken.slice(0, 3).join(', '));
    await Promise.all(sheets).catch(e => { throw new Error('a style sheet did not load: ' + e.message); });
    await document.fonts.ready;  // the equations' fonts, asked for once their style sheet applies
    return chapters.map(c => c.title);
}
