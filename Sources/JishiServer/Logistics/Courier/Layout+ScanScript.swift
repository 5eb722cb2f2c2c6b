import Crypto
import Foundation

extension Layout {
    /// The courier page's one script: where the phone's browser can read barcodes from the
    /// camera (the Barcode Detection API), each "scan with the camera" button appears; pressed,
    /// it shows the camera under the form, reads the first Code 128 or QR code it sees (the
    /// label's two symbols both hold the tracking number), types it into the form's field and
    /// sends the form, as a handheld scanner does. Elsewhere the buttons stay hidden and typing
    /// (or a scanner that types) works as before.
    static let scanScript = """
        (function(){if(!("BarcodeDetector" in window)||!navigator.mediaDevices||\
        !navigator.mediaDevices.getUserMedia)return;\
        document.querySelectorAll("button[data-scan]").forEach(function(b){b.hidden=false;\
        b.addEventListener("click",function(){var input=document.getElementById(b.getAttribute("data-scan"));\
        if(!input||b.disabled)return;b.disabled=true;var video=document.createElement("video");\
        video.setAttribute("playsinline","");video.muted=true;video.className="scanner";\
        b.parentNode.insertBefore(video,b.nextSibling);\
        var detector=new BarcodeDetector({formats:["code_128","qr_code"]});\
        navigator.mediaDevices.getUserMedia({video:{facingMode:"environment"}}).then(function(stream){\
        video.srcObject=stream;video.play();var stop=function(){stream.getTracks().forEach(function(t){t.stop();});\
        video.remove();b.disabled=false;};var look=function(){detector.detect(video).then(function(codes){\
        if(codes.length){input.value=codes[0].rawValue;stop();if(input.form)input.form.requestSubmit();}\
        else{requestAnimationFrame(look);}},function(){requestAnimationFrame(look);});};look();},\
        function(){video.remove();b.disabled=false;});});});})();
        """

    /// The script's hash for the Content-Security-Policy header.
    static let scanScriptHash = "sha256-" + Data(SHA256.hash(data: Data(scanScript.utf8))).base64EncodedString()
}
