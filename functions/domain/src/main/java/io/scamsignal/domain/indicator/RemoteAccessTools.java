package io.scamsignal.domain.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Canonical names of the remote-access tools scammers have victims install, under the ways victims write them. */
final class RemoteAccessTools {

    record Tool(String key, String name) {
    }

    private static final Map<String, Tool> BY_ALIAS = new HashMap<>();

    static {
        add("anydesk", "AnyDesk", "anydesk", "any desk");
        add("teamviewer", "TeamViewer", "teamviewer", "team viewer", "teamviewerqs");
        add("ultraviewer", "UltraViewer", "ultraviewer", "ultra viewer");
        add("screenconnect", "ScreenConnect", "screenconnect", "screen connect", "connectwise", "connectwise control",
                "connectwise screenconnect");
        add("quickassist", "Quick Assist", "quickassist", "quick assist", "microsoft quick assist");
        add("logmein", "LogMeIn", "logmein", "log me in", "logmein rescue", "logmein123");
        add("rustdesk", "RustDesk", "rustdesk", "rust desk");
        add("supremo", "Supremo", "supremo", "supremo remote desktop");
        add("splashtop", "Splashtop", "splashtop");
        add("zohoassist", "Zoho Assist", "zohoassist", "zoho assist");
        add("gotoresolve", "GoTo Resolve", "gotoresolve", "goto resolve", "gotoassist", "goto assist");
        add("aeroadmin", "AeroAdmin", "aeroadmin", "aero admin");
        add("ammyyadmin", "Ammyy Admin", "ammyyadmin", "ammyy admin", "ammyy");
        add("remoteutilities", "Remote Utilities", "remoteutilities", "remote utilities");
        add("beyondtrust", "BeyondTrust", "beyondtrust", "bomgar");
        add("chromeremotedesktop", "Chrome Remote Desktop", "chromeremotedesktop", "chrome remote desktop");
        add("hoptodesk", "HopToDesk", "hoptodesk");
        add("remotepc", "RemotePC", "remotepc", "remote pc");
        add("iperius", "Iperius Remote", "iperius", "iperius remote");
    }

    private RemoteAccessTools() {
    }

    private static void add(String key, String name, String... aliases) {
        Tool tool = new Tool(key, name);
        for (String alias : List.of(aliases)) {
            BY_ALIAS.put(fold(alias), tool);
        }
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The canonical tool, or one named after what was typed (letters and digits only) when unknown. */
    static Tool canonical(String typed) {
        String folded = fold(typed);
        Tool known = BY_ALIAS.get(folded);
        return known != null ? known : new Tool(folded, typed.strip());
    }
}
