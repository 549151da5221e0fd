namespace Retention.Dashboard;

/// <summary>The page's only stylesheet, inline: readable on a phone and a laptop, high contrast, no web fonts.</summary>
internal static class PageStyle
{
    public const string Css = """
        :root { color-scheme: light; --ink: #1a1a1a; --muted: #4d4d4d; --line: #c4c4c4; --accent: #1b5e9e; --bg-soft: #f3f5f8; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
        a { color: #0b4f8a; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
        .skip:focus { left: .5rem; }
        header, main, footer, nav { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
        header { padding-top: 1.5rem; border-bottom: 2px solid var(--accent); }
        h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.35rem; margin-top: 2.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
        h3 { font-size: 1.1rem; margin-top: 1.5rem; }
        nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .75rem; padding: 0; margin: 1rem 0; }
        .cards div { background: var(--bg-soft); border-radius: .5rem; padding: .75rem; }
        .cards dt { font-size: .9rem; color: var(--muted); }
        .cards dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
        .cards dd.n, .cards .ci, .cards .n { font-size: .85rem; font-weight: 400; color: var(--muted); }
        figure { margin: 1rem 0; }
        figure svg { width: 100%; height: auto; max-width: 45rem; display: block; }
        figcaption { font-size: .95rem; color: var(--muted); }
        .table-wrap { overflow-x: auto; margin: .75rem 0; }
        .table-wrap:focus { outline: 2px solid var(--accent); }
        table { border-collapse: collapse; min-width: 100%; font-size: .95rem; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: var(--bg-soft); }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .ci, .n, .muted, .why { color: var(--muted); font-size: .9em; }
        .suppressed { font-style: italic; color: var(--muted); }
        .note { background: var(--bg-soft); border-left: 4px solid var(--accent); padding: .5rem .75rem; }
        footer { margin-top: 3rem; padding-bottom: 2rem; color: var(--muted); font-size: .9rem; border-top: 1px solid var(--line); }
        @media (max-width: 40rem) { body { font-size: 15px; } h1 { font-size: 1.4rem; } th, td { padding: .25rem .35rem; } }
        @media print { nav, .skip { display: none; } }
        """;
}
