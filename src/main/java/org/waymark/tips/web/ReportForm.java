package org.waymark.tips.web;

/** The public report form as typed, with the hidden field that only a bot fills in. */
public class ReportForm {

    private String what = "";
    private String where = "";
    private String when = "";
    private String who = "";
    private String contact = "";
    /** Hidden from people (and from screen readers); a bot that fills it is thanked and ignored. */
    private String website = "";

    public String getWhat() {
        return what;
    }

    public void setWhat(String what) {
        this.what = what == null ? "" : what;
    }

    public String getWhere() {
        return where;
    }

    public void setWhere(String where) {
        this.where = where == null ? "" : where;
    }

    public String getWhen() {
        return when;
    }

    public void setWhen(String when) {
        this.when = when == null ? "" : when;
    }

    public String getWho() {
        return who;
    }

    public void setWho(String who) {
        this.who = who == null ? "" : who;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact == null ? "" : contact;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website == null ? "" : website;
    }
}
