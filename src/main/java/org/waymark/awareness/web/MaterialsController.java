package org.waymark.awareness.web;

import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.waymark.awareness.HelpTexts;
import org.waymark.awareness.PrintedMaterials;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.PageController;

/**
 * Posters and pocket cards for an operation's coordinator to print, in each language of the help.
 * The operation is only where the page links back to: the materials are the same for every operation.
 */
@PageController
class MaterialsController {

    private final HelpTexts texts;
    private final PrintedMaterials materials;

    MaterialsController(HelpTexts texts, PrintedMaterials materials) {
        this.texts = texts;
        this.materials = materials;
    }

    @GetMapping("/operations/{operationId}/materials")
    String list(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user, Model model) {
        coordinatorOnly(user);
        model.addAttribute("operationId", operationId);
        model.addAttribute("languages", texts.all());
        return "materials/list";
    }

    @GetMapping("/operations/{operationId}/materials/{language}/poster.pdf")
    ResponseEntity<byte[]> poster(@PathVariable UUID operationId, @PathVariable String language,
            @AuthenticationPrincipal WaymarkUser user) {
        coordinatorOnly(user);
        return pdf(materials.poster(language), "waymark-poster-" + language + ".pdf");
    }

    @GetMapping("/operations/{operationId}/materials/{language}/card.pdf")
    ResponseEntity<byte[]> card(@PathVariable UUID operationId, @PathVariable String language,
            @AuthenticationPrincipal WaymarkUser user) {
        coordinatorOnly(user);
        return pdf(materials.card(language), "waymark-card-" + language + ".pdf");
    }

    private static void coordinatorOnly(WaymarkUser user) {
        if (user == null || !user.hasRole(Role.COORDINATOR)) {
            throw new AccessDeniedException("printed materials are for coordinators");
        }
    }

    private static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(pdf);
    }
}
