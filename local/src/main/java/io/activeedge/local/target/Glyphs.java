package io.activeedge.local.target;

import java.io.PrintStream;

/** Progress marks: Unicode when the output can show it, ASCII otherwise. */
public record Glyphs(String entered, String done, String failed, String arrow) {

    private static final Glyphs UNICODE = new Glyphs("▸", "✓", "✗", "→");
    private static final Glyphs ASCII = new Glyphs(">", "+", "x", "->");

    public static Glyphs of(PrintStream out) {
        return out != null && out.charset().newEncoder().canEncode("▸✓✗→") ? UNICODE : ASCII;
    }
}
