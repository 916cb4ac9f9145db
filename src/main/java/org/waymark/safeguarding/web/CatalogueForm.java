package org.waymark.safeguarding.web;

import org.waymark.safeguarding.IndicatorGroup;

/** A new indicator for the catalogue, as an administrator types it. */
class CatalogueForm {

    private String code = "";
    private IndicatorGroup group;
    private String exploitationType = "";
    private String text = "";

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code;
    }

    public IndicatorGroup getGroup() {
        return group;
    }

    public void setGroup(IndicatorGroup group) {
        this.group = group;
    }

    public String getExploitationType() {
        return exploitationType;
    }

    public void setExploitationType(String exploitationType) {
        this.exploitationType = exploitationType == null ? "" : exploitationType;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text == null ? "" : text;
    }
}
