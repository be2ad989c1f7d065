async (o) => {
    const article = document.querySelector('article.bd-article') || document.body;
    // the dropdowns of the text (Indonesian corrections, the article as published); never the hidden code
    article.querySelectorAll('details.sd-dropdown').forEach(d => d.open = true);
    document.querySelectorAll('.bd-footer-content').forEach(f => f.remove());  // the running footer says it
    // explorers: the wide drawing, at the start view, and where to move it
    article.querySelectorAll('.mb-explorer').forEach(box => {
        box.querySelectorAll('picture source').forEach(s => s.remove());
        const note = document.createElement('p');
        note.className = 'mb-print-note';
        note.textContent = o.explorer.replace('{url}', o.base + '#' + box.id);
        box.querySelector('figure').after(note);
    });
    if (o.references) {
        // the references the page cites, in full, in the order of the book's list; citations link to them
        const cited = [...article.querySelectorAll('a[href*="bibliography.html#"]')];
        const wanted = new Set(cited.map(a => a.getAttribute('href').split('#')[1]));
        if (wanted.size) {
            const source = new URL('bibliography.html', location.href).href;
            const page = new DOMParser().parseFromString(await (await fetch(source)).text(), 'text/html');
            const entries = [...page.querySelectorAll('div.citation')].filter(e => wanted.has(e.id));
            const missing = [...wanted].filter(id => !entries.some(e => e.id === id));
            if (missing.length) throw new Error('citations without a reference: ' + missing.join(', '));
            const section = document.createElement('section');
            section.className = 'mb-print-references';
            section.innerHTML = '<h2>' + o.heading + '</h2>';
            const list = document.createElement('div');
            list.className = 'citation-list';
            entries.forEach(e => {
                const copy = document.importNode(e, true);
                copy.id = 'ref-' + e.id;
                list.append(copy);
            });
            section.append(list);
            article.append(section);
            cited.forEach(a => a.setAttribute('href', '#ref-' + a.getAttribute('href').split('#')[1]));
        }
    }
    // every image loaded before printing (frames are fetched lazily on screen)
    const images = [...document.images];
    images.forEach(i => i.loading = 'eager');
    await Promise.all(images.map(i => i.complete ? 0 : new Promise(r => { i.onload = r; i.onerror = r; })));
    const broken = images.filter(i => i.offsetParent !== null && !(i.naturalWidth > 0)).map(i => i.src);
    if (broken.length) throw new Error('images that did not load: ' + broken.slice(0, 3).join(', '));
    await document.fonts.ready;  // the equations' fonts (KaTeX's), like the images
}
