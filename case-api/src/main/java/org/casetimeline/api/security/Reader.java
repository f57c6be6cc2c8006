package org.casetimeline.api.security;

import org.casetimeline.core.shared.Confidentiality;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is reading or writing, and the most confidential level of fact they may see. */
public record Reader(String name, Confidentiality clearance) {

    static final String CLEARANCE_PREFIX = "CLEARANCE_";

    public static Reader of(Authentication authentication) {
        Confidentiality clearance = Confidentiality.PUBLIC;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(CLEARANCE_PREFIX)) {
                Confidentiality granted = Confidentiality.valueOf(name.substring(CLEARANCE_PREFIX.length()));
                if (granted.ordinal() > clearance.ordinal()) {
                    clearance = granted;
                }
            }
        }
        return new Reader(authentication.getName(), clearance);
    }
}
