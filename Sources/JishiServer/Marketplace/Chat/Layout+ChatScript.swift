import Crypto
import Foundation

extension Layout {
    /// The conversation page's only script, inlined and allowed by its hash (no script file,
    /// no other script). It reads what it needs from the message list's `data-` attributes:
    /// it opens the page's WebSocket (signed in by the session cookie), appends each new
    /// message of this conversation in order (as text, never as markup), marks what arrives
    /// read, and sends the form with `fetch` so the page does not reload; anything unexpected
    /// falls back to posting the form. Reconnects with a growing pause when the socket drops.
    static let chatScript = """
        (function(){
        var log=document.getElementById("chat-log"),form=document.getElementById("chat-form");
        if(!log||!form||!window.WebSocket||!window.fetch||!window.URLSearchParams)return;
        var conversation=log.getAttribute("data-conversation"),side=log.getAttribute("data-side");
        var live=document.getElementById("chat-live"),text=form.elements.text;
        var button=form.querySelector("button[type=submit]"),csrf=form.elements.csrf.value;
        var seen={},newest=0,delay=1000;
        Array.prototype.forEach.call(log.children,function(li){
        var seq=+li.getAttribute("data-seq");seen[seq]=true;if(seq>newest)newest=seq;});
        function stamp(iso){return new Date(Date.parse(iso)+288e5).toISOString().slice(0,16).replace("T"," ");}
        function markRead(seq){var body=new URLSearchParams();body.set("csrf",csrf);body.set("seq",String(seq));
        fetch(log.getAttribute("data-read"),{method:"POST",body:body,credentials:"same-origin"}).catch(function(){});}
        function add(m){
        if(String(m.conversationId).toLowerCase()!==conversation||seen[m.seq])return;
        seen[m.seq]=true;var mine=m.side===side,li=document.createElement("li");
        li.className="msg "+(mine?"mine":"theirs");li.id="message-"+m.seq;li.setAttribute("data-seq",m.seq);
        var meta=document.createElement("p");meta.className="meta";
        meta.textContent=log.getAttribute(mine?"data-me":"data-them")+" · "+stamp(m.createdAt);li.appendChild(meta);
        if(m.imageUrl){var img=document.createElement("img");img.className="ph chat-photo";img.alt="";
        img.src=m.imageUrl;li.appendChild(img);}
        if(m.text){var p=document.createElement("p");p.className="text";p.textContent=m.text;li.appendChild(p);}
        var next=null;for(var i=0;i<log.children.length;i++){
        if(+log.children[i].getAttribute("data-seq")>m.seq){next=log.children[i];break;}}
        log.insertBefore(li,next);var empty=document.getElementById("no-messages");if(empty)empty.hidden=true;
        if(m.seq>newest){newest=m.seq;if(!mine)markRead(m.seq);}
        form.scrollIntoView({block:"end"});}
        function connect(){
        var socket=new WebSocket((location.protocol==="https:"?"wss://":"ws://")+location.host+log.getAttribute("data-live"));
        socket.onopen=function(){delay=1000;log.setAttribute("data-connected","1");if(live)live.hidden=false;};
        socket.onmessage=function(e){try{var m=JSON.parse(e.data);if(m.type==="message")add(m);}catch(x){}};
        socket.onclose=function(){log.removeAttribute("data-connected");if(live)live.hidden=true;
        setTimeout(connect,delay);delay=Math.min(delay*2,30000);};}
        form.addEventListener("submit",function(e){
        if(!text.value.trim())return;e.preventDefault();button.disabled=true;
        fetch(form.action,{method:"POST",body:new URLSearchParams(new FormData(form)),
        headers:{Accept:"application/json"},credentials:"same-origin"})
        .then(function(r){if(!r.ok)throw r;return r.json();})
        .then(function(m){add(m);text.value="";button.disabled=false;text.focus();})
        .catch(function(){form.submit();});});
        connect();
        })();
        """

    /// The script's hash for the Content-Security-Policy header.
    static let chatScriptHash = "sha256-" + Data(SHA256.hash(data: Data(chatScript.utf8))).base64EncodedString()
}
