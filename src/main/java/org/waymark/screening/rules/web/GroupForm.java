package org.waymark.screening.rules.web;

import lombok.Getter;
import lombok.Setter;

/** A group's name, description and members, one a line. */
@Getter
@Setter
public class GroupForm {

    private String name = "";
    private String description = "";
    private String members = "";
}
